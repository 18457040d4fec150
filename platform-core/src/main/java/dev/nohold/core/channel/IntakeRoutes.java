package dev.nohold.core.channel;

import dev.nohold.core.request.Lifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/** Carries normalized inbound messages from the channels into the lifecycle. */
@ApplicationScoped
public class IntakeRoutes extends RouteBuilder {

    static final String INTAKE = "direct:intake";

    @Override
    public void configure() {
        from(INTAKE)
                .routeId("intake")
                .bean(Lifecycle.class, "receive(${body})");
    }
}
