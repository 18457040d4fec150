package dev.nohold.core.channel.limits;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/** Deletes the rate-limit counters of ended windows, once per window, so the table holds only the active callers. */
@ApplicationScoped
public class IntakeLimitRetention extends RouteBuilder {

    private final IntakeLimits limits;
    private final long period;

    public IntakeLimitRetention(IntakeLimits limits, LimitsConfig config) {
        this.limits = limits;
        this.period = Math.max(1_000, config.window().toMillis());
    }

    @Override
    public void configure() {
        from("timer:intake-limits-retention?delay=" + period + "&period=" + period)
                .routeId("intake-limits-retention")
                .process(exchange -> limits.forgetEndedWindows());
    }
}
