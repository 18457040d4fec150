package dev.nohold.core.request;

/**
 * Fired inside a transaction that made work possible (a request queued, an agent idle or freed); observed after a
 * successful commit to wake the dispatcher.
 */
public record WorkAvailable(String why) {
}
