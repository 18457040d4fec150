package dev.nohold.core.channel;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/**
 * Gives back the agents whose live-contact hold has run out: a node that died while a call rang, or a provider that
 * never said how the offer ended. Any node may do it; each hold is ended once.
 */
@ApplicationScoped
public class LiveReservationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:live-reservations-expire?delay=5s&period=5s")
                .routeId("live-reservations-expire")
                .bean(LiveReservations.class, "releaseExpired");
    }
}
