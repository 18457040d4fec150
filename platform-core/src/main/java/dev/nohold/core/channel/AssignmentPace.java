package dev.nohold.core.channel;

import dev.nohold.core.database.PlainSql;
import dev.nohold.core.events.LiveEvent;
import dev.nohold.core.request.RequestStatus;
import dev.nohold.core.request.WaitingLine.LineChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests agents took during a recent window: the pace a place in line is turned into minutes with.
 * Counted once per change, not for every text: the count costs as much as agents took requests in the window (an hour
 * of a busy center's assignments, at its peak: 50,000 of them took a webhook from 3.5 to 19 ms). A count is kept
 * until a request leaves this node's line (this node's change, right after its commit) or another node's assignment
 * is heard, and at most {@link #FRESH}, for requests that leave the window as time passes or go back to the line.
 * A count that was running when such a change came is not kept: it may have read the table before the change.
 */
@ApplicationScoped
class AssignmentPace {

    static final Duration FRESH = Duration.ofSeconds(10);

    private final PlainSql sql;
    private final Clock clock;
    private final Map<Duration, Counted> counts = new ConcurrentHashMap<>();
    /** Changes heard so far: a count is good only as long as none came after it started. */
    private final AtomicLong changes = new AtomicLong();

    AssignmentPace(DataSource dataSource, Clock clock) {
        this.sql = new PlainSql(dataSource, "Assignment pace");
        this.clock = clock;
    }

    /** Requests assigned from {@code window} ago until now, as of at most {@link #FRESH} ago. */
    long assignedWithin(Duration window) {
        Instant now = clock.instant();
        Counted last = counts.get(window);
        if (last != null && last.changes() == changes.get() && !now.isBefore(last.at())
                && now.isBefore(last.at().plus(FRESH))) {
            return last.assigned();
        }
        long changesBefore = changes.get();
        long assigned = sql.one("select count(*) from customer_request where assigned_at >= ?",
                row -> row.getLong(1), now.minus(window)).orElse(0L);
        counts.put(window, new Counted(now, assigned, changesBefore));
        return assigned;
    }

    void changedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) LineChanged change) {
        if (change.place() == null) {
            changes.incrementAndGet();
        }
    }

    void heard(@Observes LiveEvent event) {
        if (RequestStatus.ASSIGNED.name().equals(event.status())) {
            changes.incrementAndGet();
        }
    }

    /** A count, when it was made, and how many changes had been heard when it started. */
    private record Counted(Instant at, long assigned, long changes) {
    }
}
