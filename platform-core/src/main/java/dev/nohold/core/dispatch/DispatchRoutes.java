package dev.nohold.core.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/**
 * The dispatcher's safety net: besides the wake-ups after each commit on this node, a slow poll catches work made
 * possible on another node sharing the database, or a wake-up lost to a crash.
 */
@ApplicationScoped
public class DispatchRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:dispatch-safety-net?delay={{nohold.dispatch.poll-interval:2s}}&period={{nohold.dispatch.poll-interval:2s}}")
                .routeId("dispatch-safety-net")
                .bean(Dispatcher.class, "wake");
    }
}
