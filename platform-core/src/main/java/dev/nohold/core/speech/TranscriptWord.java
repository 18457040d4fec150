package dev.nohold.core.speech;

/** One recognized word and where it is in the recording, in seconds, so an inbox can follow along the audio. */
public record TranscriptWord(String word, double start, double end, double confidence) {
}
