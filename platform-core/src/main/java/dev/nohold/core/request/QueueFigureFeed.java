package dev.nohold.core.request;

import dev.nohold.core.events.LiveEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's figures for supervisors' live views: sent when a stream opens and then, at most once a second, after
 * any change this node heard (from any node). The figures are counted once per change burst for every stream on
 * the node, so many supervisors watching a busy queue cost one query a second, not one per event each.
 */
@ApplicationScoped
public class QueueFigureFeed {

    private static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    private final RequestQueries queries;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private Counted latest;

    public QueueFigureFeed(RequestQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    void heard(@Observes LiveEvent event) {
        changes.incrementAndGet();
    }

    /** The figures now, then after each burst of changes; never more than once a second. */
    public Multi<QueueFigures> follow() {
        AtomicLong sent = new AtomicLong(-1);
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(AT_MOST_EVERY)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .filter(tick -> changes.get() != sent.get())
                .map(tick -> {
                    Counted counted = current();
                    sent.set(counted.version());
                    return counted.figures();
                });
    }

    /**
     * Counted again after a change, and also once the count is a second old: a stream opening later must not get
     * figures from before changes that publish no live event (an account created, the waits growing).
     */
    private synchronized Counted current() {
        long version = changes.get();
        Instant now = clock.instant();
        if (latest == null || latest.version() != version || !now.isBefore(latest.at().plus(AT_MOST_EVERY))) {
            latest = new Counted(version, now, QuarkusTransaction.requiringNew().call(queries::supervision));
        }
        return latest;
    }

    private record Counted(long version, Instant at, QueueFigures figures) {
    }
}
