package dev.nohold.core.channel.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rate limit every channel applies to its intake the same way: before taking a message, a channel asks whether
 * this customer address (and, where the caller is not a provider like Twilio, this client) may leave one more. Counted
 * in PostgreSQL, so the limit holds across nodes: one {@code insert … on conflict do update … returning} per check,
 * in its own short autocommit (never inside the intake's transaction), on an unlogged table. A flood from one
 * address only queues on that address's counter row, so other customers' checks never wait for it.
 *
 * <p>Fixed windows, not a sliding log or token buckets: a counter per key and window is the only shape that is one
 * statement and one row per check; the price is that a caller may get up to twice the limit across a window's edge,
 * which is harmless for a limit meant to stop floods, not to meter honest use.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class IntakeLimits {

    private static final int MAX_KEY = 300;
    private static final String COUNT = """
            insert into intake_limit_window (limit_key, window_start, hits) values %s
            on conflict (limit_key, window_start) do update set hits = intake_limit_window.hits + 1
            returning limit_key, hits""";

    private final DataSource dataSource;
    private final Clock clock;
    private final LimitsConfig config;

    public IntakeLimits(DataSource dataSource, Clock clock, LimitsConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Counts one message and says whether to take it.
     *
     * @param channel the channel's id
     * @param address the customer's address on the channel (a phone number, the caller's id for the customer), or null
     *                where the intake journal counts it in its own statement
     * @param client  the calling client's network address, or null where every call comes from one provider
     */
    public Admission admit(String channel, String address, String client) {
        if (!config.enabled() || (address == null && client == null)) {
            return Admission.ADMITTED;
        }
        Instant now = clock.instant();
        Instant windowStart = windowStart(now);
        Instant windowEnd = windowStart.plus(config.window());
        List<Counter> counters = new ArrayList<>(2);
        if (address != null) {
            counters.add(new Counter(key("address", channel, address), config.perAddress(), windowStart, windowEnd));
        }
        if (client != null) {
            counters.add(new Counter(key("client", channel, client), config.perClient(), windowStart, windowEnd));
        }
        int[] hits = count(counters, windowStart);
        boolean over = false;
        boolean first = true;
        for (int i = 0; i < counters.size(); i++) {
            if (hits[i] > counters.get(i).limit()) {
                over = true;
                first &= hits[i] == counters.get(i).limit() + 1;
            }
        }
        if (!over) {
            return Admission.ADMITTED;
        }
        return new Admission(false, Duration.between(now, windowEnd), first);
    }

    /**
     * The counter one message from this customer address counts on now, for the intake journal, which counts it
     * in its own single statement; empty when the limits are off. {@link #admission} reads the count it returned.
     */
    public Optional<Counter> addressCounter(String channel, String address) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Instant windowStart = windowStart(clock.instant());
        return Optional.of(new Counter(key("address", channel, address), config.perAddress(), windowStart,
                windowStart.plus(config.window())));
    }

    /** The start of the fixed window {@code now} falls in. */
    private Instant windowStart(Instant now) {
        long windowMillis = config.window().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    }

    /** Whether a message counted as the {@code hits}-th on {@code counter} is taken. */
    public Admission admission(Counter counter, int hits) {
        if (hits <= counter.limit()) {
            return Admission.ADMITTED;
        }
        return new Admission(false, Duration.between(clock.instant(), counter.windowEnd()),
                hits == counter.limit() + 1);
    }

    /** Forgets windows that ended before the previous one; returns how many. */
    public int forgetEndedWindows() throws SQLException {
        Instant before = clock.instant().minus(config.window().multipliedBy(2));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from intake_limit_window where window_start < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        }
    }

    private int[] count(List<Counter> counters, Instant windowStart) {
        // Keys in a fixed order (address, then client): two checks never lock each other's rows crosswise.
        String rows = String.join(", ", counters.stream().map(c -> "(?, ?, 1)").toList());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(COUNT.formatted(rows))) {
            Timestamp start = Timestamp.from(windowStart);
            for (int i = 0; i < counters.size(); i++) {
                upsert.setString(2 * i + 1, counters.get(i).key());
                upsert.setTimestamp(2 * i + 2, start);
            }
            int[] hits = new int[counters.size()];
            try (ResultSet result = upsert.executeQuery()) {
                while (result.next()) {
                    String key = result.getString(1);
                    for (int i = 0; i < counters.size(); i++) {
                        if (counters.get(i).key().equals(key)) {
                            hits[i] = result.getInt(2);
                        }
                    }
                }
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count intake for the rate limit", e);
        }
    }

    private static String key(String kind, String channel, String value) {
        String key = kind + ":" + channel + ":" + (value == null ? "" : value.strip());
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /** One key's counter in one window, and how many messages it takes. */
    public record Counter(String key, int limit, Instant windowStart, Instant windowEnd) {
    }
}
