package dev.nohold.core.channel.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Intake rate limits under {@code nohold.limits.*}: how many requests one customer address, and one client (an API
 * caller's address), may leave per window before intake refuses them. Sized so that no honest customer meets them:
 * a person does not text twenty times a minute, while a script stuck in a loop does.
 */
@ConfigMapping(prefix = "nohold.limits")
public interface LimitsConfig {

    /** Off only for benchmarks that drive intake from one address on purpose. */
    @WithDefault("true")
    boolean enabled();

    /** The counting window; a refused caller is told to come back when it ends. */
    @WithDefault("1m")
    Duration window();

    /** Messages or calls one customer address may leave on one channel per window. */
    @WithDefault("20")
    int perAddress();

    /**
     * Calls one client (the generic webhook's caller, by network address) may make per window. Twilio's webhooks are
     * not counted per client: they all come from Twilio, and a storm of customers is exactly when none may be refused.
     */
    @WithDefault("3000")
    int perClient();
}
