package dev.nohold.core.flow;

import java.util.Locale;

/** Where a conversation stands or how it ended, by the names the API uses ("self-served", "handoff", …). */
public enum Outcome {
    WAITING, SELF_SERVED, HANDOFF, ENDED, ABANDONED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Outcome of(String key) {
        return key == null ? WAITING : valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean finished() {
        return this != WAITING;
    }
}
