package dev.nohold.core.channel.limits;

import dev.nohold.core.Refusal;

import java.time.Duration;

/** Too many messages from one customer or client lately: 429, with when to try again ({@code Retry-After}). */
public class IntakeLimited extends Refusal {

    private final long retryAfterSeconds;

    public IntakeLimited(Duration retryAfter) {
        super(429, "Too many messages in a short time: try again in "
                + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
