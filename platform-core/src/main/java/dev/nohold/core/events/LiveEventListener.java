package dev.nohold.core.events;

import dev.nohold.core.config.NoholdConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's ear on the database: one dedicated connection (outside the pool) LISTENs on {@link LiveEvents#CHANNEL}, loads each
 * notified event and fires it in the node as a CDI {@link LiveEvent} (to browser streams, the dispatcher, the
 * outbox). Its own node's events come back the same way, so every node behaves alike.
 *
 * <p>Nothing is missed: when no notification came for a while it reads any newer rows anyway (the slow safety net,
 * which also proves the connection alive), and after losing the connection (a database outage) it reconnects
 * with back-off and reads what was committed meanwhile, looking back a little before the newest id it had seen,
 * because ids are taken at insert but commits land in any order. Events it has already passed on are remembered
 * (the newest few thousand), so none is fired twice.
 */
@ApplicationScoped
public class LiveEventListener {

    private static final Logger LOG = Logger.getLogger(LiveEventListener.class);

    /** The listener's session in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "nohold-live-events";

    /** How far behind the newest seen id a reconnecting listener looks for events that committed late. */
    private static final int LOOK_BACK = 1_000;
    private static final int BATCH = 1_000;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** How long a stopping node waits for the listener to let go of its aborted connection. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

    private final Database database;
    private final Event<LiveEvent> fanOut;
    private final Event<ListeningResumed> resumed;
    private final Duration pollInterval;
    private final Clock clock;
    private final Timer lag;
    private final Map<Long, Boolean> passedOn = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 4 * LOOK_BACK;
        }
    };

    private final ScheduledExecutorService ear = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("nohold-live-events").daemon().factory());
    private volatile boolean running;
    /** The connection the listener holds, for {@link #stop} to abort. */
    private volatile Connection listening;
    private Duration retry = FIRST_RETRY;
    /** The newest id passed on, or -1 before the first connection (then history is not replayed). */
    private long newest = -1;

    public LiveEventListener(Event<LiveEvent> fanOut, Event<ListeningResumed> resumed, NoholdConfig config, Clock clock, MeterRegistry metrics,
                             @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.database = new Database(url, username, password);
        this.fanOut = fanOut;
        this.resumed = resumed;
        this.pollInterval = config.events().pollInterval();
        this.clock = clock;
        this.lag = Timer.builder("nohold.live.events.lag")
                .description("Time from a change being made (on any node) until this node heard of it")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        ear.execute(this::listenUntilStopped);
    }

    /**
     * Stops listening: aborts the connection the listener waits on (it would otherwise wait out its poll, up to
     * {@code poll-interval}) and waits until it has let go. A listener left behind would hold its connection while
     * the server stops, and pass events on to an application that is gone (a test's next profile starts one in the
     * same JVM).
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.debugf("Live events: aborting the listener's connection: %s", e.getMessage());
            }
        }
        ear.shutdownNow();
        try {
            if (!ear.awaitTermination(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Live events: the listener did not stop in time; its connection closes with the node");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Listens until the node stops; after losing the connection, tries again later, waiting longer each time. */
    private void listenUntilStopped() {
        try (Connection connection = connect(database)) {
            listening = connection;
            if (running) {
                listen(connection);
            }
        } catch (SQLException | RuntimeException e) {
            if (!running) {
                return;
            }
            LOG.warnf("Live events: no database connection (%s); trying again in %d ms", e.getMessage(),
                    retry.toMillis());
            try {
                ear.schedule(this::listenUntilStopped, retry.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + LiveEvents.CHANNEL);
        }
        if (newest < 0) {
            newest = LiveEventLog.latestId(connection);
        } else {
            catchUp(connection, Math.max(0, newest - LOOK_BACK));
        }
        retry = FIRST_RETRY;
        resumed.fire(new ListeningResumed());
        LOG.debugf("Live events: listening from id %d", newest);
        int timeout = (int) Math.max(1, pollInterval.toMillis());
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(timeout);
            if (!running) {
                return;
            }
            if (notifications == null || notifications.length == 0) {
                catchUp(connection, newest);
            } else {
                passOn(LiveEventLog.byIds(connection, ids(notifications)));
            }
        }
    }

    private void catchUp(Connection connection, long after) throws SQLException {
        List<LiveEvent> events;
        do {
            events = LiveEventLog.after(connection, after, BATCH);
            passOn(events);
            if (!events.isEmpty()) {
                after = events.getLast().id();
            }
        } while (events.size() == BATCH);
    }

    private void passOn(List<LiveEvent> events) {
        for (LiveEvent event : events) {
            if (passedOn.put(event.id(), Boolean.TRUE) != null) {
                continue;
            }
            newest = Math.max(newest, event.id());
            lag.record(Duration.between(event.at(), clock.instant()));
            try {
                fanOut.fire(event);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Live events: a listener failed on event %d (%s)", event.id(), event.type());
            }
        }
    }

    /**
     * Its own connection, outside the pool: held for as long as the node runs, and never handed to anyone else
     * after it broke. Named, so an operator (or a test) finds each node's listener in {@code pg_stat_activity}.
     */
    private static Connection connect(Database database) throws SQLException {
        Properties properties = new Properties();
        database.username().ifPresent(username -> properties.setProperty("user", username));
        database.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        Connection connection = new Driver().connect(database.url(), properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + database.url());
        }
        return connection;
    }

    private record Database(String url, Optional<String> username, Optional<String> password) {
    }

    private static long[] ids(PGNotification[] notifications) {
        long[] ids = new long[notifications.length];
        for (int i = 0; i < notifications.length; i++) {
            ids[i] = Long.parseLong(notifications[i].getParameter());
        }
        return ids;
    }
}
