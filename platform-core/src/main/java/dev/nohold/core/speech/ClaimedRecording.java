package dev.nohold.core.speech;

import java.util.UUID;

/**
 * A spoken request this node has leased for transcription; {@code attempt} counts this claim, {@code language} is the
 * request's (null when unknown).
 */
public record ClaimedRecording(UUID requestId, String reference, String audioKey, int attempt, String language) {
}
