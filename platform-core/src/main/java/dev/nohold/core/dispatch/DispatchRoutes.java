package dev.nohold.core.dispatch;

import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/**
 * The dispatcher's safety net: besides the wake-ups after each commit on this node and the live events of the
 * others, a slow poll catches a wake-up lost to a crash or an outage.
 */
@ApplicationScoped
public class DispatchRoutes extends RouteBuilder {

    private final long pollMillis;

    public DispatchRoutes(NoholdConfig config) {
        this.pollMillis = config.dispatch().pollInterval().toMillis();
    }

    @Override
    public void configure() {
        from("timer:dispatch-safety-net?delay=" + pollMillis + "&period=" + pollMillis)
                .routeId("dispatch-safety-net")
                .bean(Dispatcher.class, "wake");
    }
}
