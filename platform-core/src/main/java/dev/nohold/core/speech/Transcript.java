package dev.nohold.core.speech;

import java.util.List;

/**
 * What a recognizer heard in one recording.
 *
 * @param text       the words, as one line
 * @param confidence the mean of the words' confidences, 0 to 1, or null when the engine gives none
 * @param words      each word with its place in the recording
 */
public record Transcript(String text, Double confidence, List<TranscriptWord> words) {

    public Transcript {
        text = text == null ? "" : text.strip();
        words = words == null ? List.of() : List.copyOf(words);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
