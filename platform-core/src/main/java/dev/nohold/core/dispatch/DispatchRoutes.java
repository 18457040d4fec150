package dev.nohold.core.dispatch;

import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

import java.time.Clock;

/**
 * The dispatcher's timers: a slow safety-net poll (besides the wake-ups after each commit on this node and the live
 * events of the others, it catches a wake-up lost to a crash or an outage), and the check that returns assignments
 * abandoned by agents who went away ({@link UnansweredAssignments}).
 */
@ApplicationScoped
public class DispatchRoutes extends RouteBuilder {

    private final Clock clock;
    private final UnansweredAssignments unanswered;
    private final long pollMillis;
    private final long unansweredCheckMillis;

    public DispatchRoutes(NoholdConfig config, Clock clock, UnansweredAssignments unanswered) {
        this.clock = clock;
        this.unanswered = unanswered;
        this.pollMillis = config.dispatch().pollInterval().toMillis();
        // Often enough that an abandoned assignment waits little past its timeout.
        this.unansweredCheckMillis = Math.max(1000, config.dispatch().connectionTimeout().toMillis() / 6);
    }

    @Override
    public void configure() {
        from("timer:dispatch-safety-net?delay=" + pollMillis + "&period=" + pollMillis)
                .routeId("dispatch-safety-net")
                .bean(Dispatcher.class, "wake");

        from("timer:unanswered-assignments?delay=" + unansweredCheckMillis + "&period=" + unansweredCheckMillis)
                .routeId("unanswered-assignments")
                .process(exchange -> unanswered.returnAbandoned(clock.instant()));
    }
}
