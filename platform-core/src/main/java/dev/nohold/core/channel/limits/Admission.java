package dev.nohold.core.channel.limits;

import java.time.Duration;

/**
 * The answer of {@link IntakeLimits#admit}: take the message, or refuse it until {@link #retryAfter()}.
 * {@link #firstRefusal()} is true once per window and key, so a channel that can only answer a flood by texting back
 * says "slow down" once and then stays silent.
 */
public record Admission(boolean admitted, Duration retryAfter, boolean firstRefusal) {

    public static final Admission ADMITTED = new Admission(true, Duration.ZERO, false);

    /** Throws the 429 refusal (with {@code Retry-After}) when this is not an admission. */
    public void orRefuse() {
        if (!admitted) {
            throw new IntakeLimited(retryAfter);
        }
    }

    /** Whole seconds to wait, at least one: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
