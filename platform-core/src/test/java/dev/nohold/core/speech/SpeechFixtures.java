package dev.nohold.core.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The recordings under {@code src/test/resources/speech}, made by its {@code make-fixtures.sh}: one spoken sentence
 * in every WAV format the platform must understand, and a measure of how close a transcript is to it.
 */
final class SpeechFixtures {

    /** Every rate (8 to 48 kHz), encoding (16-bit PCM, μ-law, A-law) and channel count appears at least once. */
    static final List<String> WAV_FORMATS = List.of(
            "pcm16-8000-mono.wav", "pcm16-11025-stereo.wav", "pcm16-16000-mono.wav", "pcm16-22050-mono.wav",
            "ulaw-8000-mono.wav", "ulaw-44100-mono.wav", "alaw-8000-stereo.wav", "alaw-22050-stereo.wav",
            "alaw-48000-mono.wav");

    static final String TELEPHONE = "ulaw-8000-mono.wav";

    /** How long sox made each recording, in seconds. */
    static final double SECONDS = 2.57;

    /** A transcript at most this far from the sentence counts as close (about 2 words in 7 wrong). */
    static final double MAX_WORD_ERROR_RATE = 0.35;

    /**
     * For compressed fixtures, one word more (3 of 7): AMR-NB's 12.2 kbit/s on a synthetic 8 kHz voice gives Vosk 2 or
     * 3 wrong words from one run to the next (Vosk is not deterministic), the other codecs 0 or 1.
     */
    static final double LOSSY_MAX_WORD_ERROR_RATE = 3.0 / 7;

    private SpeechFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = SpeechFixtures.class.getResourceAsStream("/speech/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sentence() {
        return new String(bytes("sentence.txt"), StandardCharsets.UTF_8).strip();
    }

    /** Word-level edit distance between what was said and what was heard, divided by the words said. */
    static double wordErrorRate(String said, String heard) {
        List<String> reference = words(said);
        List<String> hypothesis = words(heard);
        int[] previous = new int[hypothesis.size() + 1];
        int[] current = new int[hypothesis.size() + 1];
        Arrays.setAll(previous, i -> i);
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[hypothesis.size()] / Math.max(1, reference.size());
    }

    private static List<String> words(String text) {
        String cleaned = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").strip();
        return cleaned.isEmpty() ? List.of() : List.of(cleaned.split("\\s+"));
    }
}
