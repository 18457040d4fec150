package dev.nohold.core.request;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Queue gauges for Prometheus: requests per status, agents per presence and the oldest wait. Read from the
 * database at most once a second, so a scrape costs one round of queries however many gauges it reads, and every
 * node reports the same figures.
 */
@ApplicationScoped
public class QueueMetrics {

    private static final Duration FRESHNESS = Duration.ofSeconds(1);

    private final Clock clock;
    private final RequestQueries queries;
    private final AtomicReference<Snapshot> latest =
            new AtomicReference<>(new Snapshot(Instant.EPOCH, new QueueFigures(Map.of(), 0, Map.of())));

    public QueueMetrics(Clock clock, RequestQueries queries) {
        this.clock = clock;
        this.queries = queries;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (RequestStatus status : RequestStatus.values()) {
            Gauge.builder("nohold.requests", this, metrics -> metrics.queue().counts().getOrDefault(status.name(), 0L))
                    .description("Requests by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        for (var presence : dev.nohold.core.agent.Presence.values()) {
            Gauge.builder("nohold.agents", this, metrics -> metrics.queue().agents().getOrDefault(presence.name(), 0L))
                    .description("Agents by presence")
                    .tag("presence", presence.name())
                    .register(registry);
        }
        Gauge.builder("nohold.queue.oldest.wait.seconds", this, metrics -> metrics.queue().oldestWaitSeconds())
                .description("How long the longest-waiting queued request has waited")
                .register(registry);
    }

    private QueueFigures queue() {
        Snapshot current = latest.get();
        Instant now = clock.instant();
        if (Duration.between(current.at(), now).compareTo(FRESHNESS) < 0) {
            return current.queue();
        }
        try {
            QueueFigures fresh = QuarkusTransaction.requiringNew().call(queries::queue);
            latest.set(new Snapshot(now, fresh));
            return fresh;
        } catch (RuntimeException e) {
            return current.queue();
        }
    }

    private record Snapshot(Instant at, QueueFigures queue) {
    }
}
