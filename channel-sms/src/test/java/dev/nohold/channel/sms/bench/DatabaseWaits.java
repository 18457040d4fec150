package dev.nohold.channel.sms.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where one kind of statement spends its time in PostgreSQL, from {@code pg_stat_activity} sampled every
 * {@link #INTERVAL_MILLIS} ms on a connection of its own: each sample counts the backends running the statement, by
 * what they wait for. A backend's time in a state is then about its samples times the interval. It showed that the
 * webhook's commit, not its statement, is most of its time: waiting for its WAL, and the drain's before it, to reach
 * the disk.
 */
final class DatabaseWaits implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 10;
    private static final String SAMPLE = """
            select count(*) filter (where mine and wait_event is null),
                   count(*) filter (where mine and wait_event in ('WALWrite', 'WalSync', 'WalWrite')),
                   count(*) filter (where mine and wait_event_type = 'Lock'),
                   count(*) filter (where mine and wait_event is not null
                                      and wait_event not in ('WALWrite', 'WalSync', 'WalWrite')
                                      and wait_event_type <> 'Lock'),
                   string_agg(pid::text, ',') filter (where mine),
                   string_agg(pid::text, ',') filter (where not mine),
                   pg_backend_pid()
              from (select pid, wait_event, wait_event_type, query like ? as mine from pg_stat_activity
                     where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()) a""";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String statementLike;
    private final Thread sampler;
    private final long[] samples = new long[4];
    private final Backends backends = new Backends();
    private long sampleCount;
    private long started;
    private long stopped;

    /** Starts sampling the backends whose statement is {@code like} the pattern. */
    static DatabaseWaits of(DataSource dataSource, String statementLike) {
        return new DatabaseWaits(dataSource, statementLike);
    }

    private DatabaseWaits(DataSource dataSource, String statementLike) {
        this.statementLike = statementLike;
        sampler = Thread.ofPlatform().name("bench-database-waits").start(() -> sample(dataSource, statementLike));
    }

    private void sample(DataSource dataSource, String statementLike) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sample = connection.prepareStatement(SAMPLE)) {
            sample.setString(1, statementLike);
            started = System.nanoTime();
            while (running.get()) {
                try (ResultSet row = sample.executeQuery()) {
                    row.next();
                    sampleCount++;
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] += row.getLong(i + 1);
                    }
                    backends.seen(row.getString(5), Backends.Role.STATEMENT);
                    backends.seen(row.getString(6), Backends.Role.OTHERS);
                    backends.seen(row.getInt(7), Backends.Role.SAMPLER);
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
            stopped = System.nanoTime();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not sample pg_stat_activity", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling: what the statement's backends spent, in total ms, since the start. */
    Spent stop() throws InterruptedException {
        running.set(false);
        sampler.join();
        if (sampleCount == 0) {
            return Spent.NONE;
        }
        if (samples[0] + samples[1] + samples[2] + samples[3] == 0) {
            // pg_stat_activity keeps a query's first 1 kB (track_activity_query_size): a pattern must match that.
            System.out.printf("[bench] WARNING: in %d samples no backend ran a statement like '%s'; its waits print "
                    + "as zero%n", sampleCount, statementLike);
        }
        // The samples' real interval: the query's own time comes on top of the sleep.
        double intervalMillis = (stopped - started) / 1e6 / sampleCount;
        return new Spent(samples[0] * intervalMillis, samples[1] * intervalMillis, samples[2] * intervalMillis,
                samples[3] * intervalMillis);
    }

    /** Which backends ran the statement, which ran others, and which sampled: counted once {@link #stop}ped. */
    Backends backends() {
        return backends;
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }

    /**
     * The server processes seen active, by what they ran in most samples: the sampled statement, another statement
     * (on the platform's side the drain's, mostly), or the sampling itself. A pooled connection can run both kinds;
     * it counts where most of its samples were. A system-wide profile splits PostgreSQL's CPU by these pids.
     */
    static final class Backends {

        /** What a process ran when sampled; the names are those the profile script reads. */
        enum Role { STATEMENT, OTHERS, SAMPLER }

        private final Map<Integer, long[]> samples = new TreeMap<>();

        /** {@code pids}: comma-separated, as {@code string_agg} gives them; null when none. */
        void seen(String pids, Role role) {
            if (pids != null) {
                for (String pid : pids.split(",")) {
                    seen(Integer.parseInt(pid), role);
                }
            }
        }

        void seen(int pid, Role role) {
            samples.computeIfAbsent(pid, p -> new long[Role.values().length])[role.ordinal()]++;
        }

        void add(Backends more) {
            more.samples.forEach((pid, counts) -> {
                for (Role role : Role.values()) {
                    samples.computeIfAbsent(pid, p -> new long[Role.values().length])[role.ordinal()]
                            += counts[role.ordinal()];
                }
            });
        }

        /** "statement=1,2 others=3 sampler=4": each pid under the role most of its samples had. */
        String describe() {
            Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                byRole.put(role, new ArrayList<>());
            }
            samples.forEach((pid, counts) -> {
                Role most = Role.STATEMENT;
                for (Role role : Role.values()) {
                    most = counts[role.ordinal()] > counts[most.ordinal()] ? role : most;
                }
                byRole.get(most).add(pid.toString());
            });
            return String.join(" ", byRole.entrySet().stream()
                    .map(role -> role.getKey().name().toLowerCase(Locale.ROOT) + "=" + String.join(",", role.getValue()))
                    .toList());
        }
    }

    /** Milliseconds the statement's backends spent running, waiting for the WAL's flush, for locks, and otherwise. */
    record Spent(double running, double walFlush, double locks, double other) {

        static final Spent NONE = new Spent(0, 0, 0, 0);

        Spent plus(Spent more) {
            return new Spent(running + more.running, walFlush + more.walFlush, locks + more.locks,
                    other + more.other);
        }
    }
}
