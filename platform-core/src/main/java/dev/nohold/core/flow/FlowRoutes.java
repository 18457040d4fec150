package dev.nohold.core.flow;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

import java.time.Clock;

/** The quiet-customer timer: every {@code nohold.flows.quiet-check-interval}, any node reminds or ends the flow conversations that are due. */
@ApplicationScoped
public class FlowRoutes extends RouteBuilder {

    private final QuietCustomers quiet;
    private final Clock clock;
    private final long checkMillis;

    public FlowRoutes(QuietCustomers quiet, Clock clock, FlowConfig config) {
        this.quiet = quiet;
        this.clock = clock;
        this.checkMillis = config.quietCheckInterval().toMillis();
    }

    @Override
    public void configure() {
        from("timer:flow-quiet-customers?delay=" + checkMillis + "&period=" + checkMillis)
                .routeId("flow-quiet-customers")
                .process(exchange -> quiet.act(clock.instant()));
    }
}
