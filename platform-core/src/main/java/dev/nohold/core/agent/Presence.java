package dev.nohold.core.agent;

/** Whether an agent takes work: only AVAILABLE agents with free capacity are given requests. */
public enum Presence {
    AVAILABLE, AWAY, OFFLINE
}
