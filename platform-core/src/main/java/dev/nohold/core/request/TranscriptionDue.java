package dev.nohold.core.request;

import java.util.UUID;

/** Fired inside the transaction that took in a spoken request; observed after commit to start recognition. */
public record TranscriptionDue(UUID requestId) {
}
