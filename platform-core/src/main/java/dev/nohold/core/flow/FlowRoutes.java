package dev.nohold.core.flow;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

import java.time.Clock;

/** The quiet-customer timer: every few seconds, any node reminds or ends the flow conversations that are due. */
@ApplicationScoped
public class FlowRoutes extends RouteBuilder {

    private final QuietCustomers quiet;
    private final Clock clock;

    public FlowRoutes(QuietCustomers quiet, Clock clock) {
        this.quiet = quiet;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:flow-quiet-customers?delay=5s&period=5s")
                .routeId("flow-quiet-customers")
                .process(exchange -> quiet.act(clock.instant()));
    }
}
