package dev.nohold.core.events;

import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes live events older than the retention: they exist for clients resuming a stream, and one gone longer
 * reloads its views anyway. Slow on purpose: it runs every twenty-fourth of the retention (at most hourly).
 */
@ApplicationScoped
public class LiveEventRetention extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(LiveEventRetention.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;

    public LiveEventRetention(DataSource dataSource, Clock clock, NoholdConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = config.events().retention();
    }

    @Override
    public void configure() {
        Duration every = retention.dividedBy(24);
        long period = Math.max(1_000, Math.min(every.toMillis(), Duration.ofHours(1).toMillis()));
        from("timer:live-events-retention?delay=" + period + "&period=" + period)
                .routeId("live-events-retention")
                .process(exchange -> deleteExpired());
    }

    /** Deletes the events older than the retention; returns how many. */
    public int deleteExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int deleted = LiveEventLog.deleteBefore(connection, clock.instant().minus(retention));
            if (deleted > 0) {
                LOG.debugf("Deleted %d live events older than %s", deleted, retention);
            }
            return deleted;
        }
    }
}
