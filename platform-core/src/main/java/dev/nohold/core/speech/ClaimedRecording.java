package dev.nohold.core.speech;

import java.util.UUID;

/** A spoken request this node has leased for transcription; {@code attempt} counts this claim. */
public record ClaimedRecording(UUID requestId, String reference, String audioKey, int attempt) {
}
