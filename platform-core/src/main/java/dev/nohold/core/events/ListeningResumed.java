package dev.nohold.core.events;

/**
 * Fired in this node when its {@link LiveEventListener} (re)connected: events committed while it was away may have
 * been missed beyond its look-back, so what a node keeps from events (such as the waiting line) is read afresh.
 */
public record ListeningResumed() {
}
