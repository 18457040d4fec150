package dev.nohold.core.testing;

import dev.nohold.core.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the platform's own embedded PostgreSQL once per test run (the same server the platform uses by default),
 * under {@code target/test-data}, and points every Quarkus test at it.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = "admin-secret";

    private static EmbeddedDatabase database;

    /** The JDBC URL of the run's server, kept JVM-wide: a test profile restarts Quarkus in a new class loader. */
    private static final String RUNNING_URL = "embedded-postgres.test-jdbc-url";

    public static synchronized String jdbcUrl() {
        String running = System.getProperty(RUNNING_URL);
        if (running == null) {
            running = database().jdbcUrl();
            System.setProperty(RUNNING_URL, running);
        }
        return running;
    }

    private static synchronized EmbeddedDatabase database() {
        if (database == null) {
            database = EmbeddedDatabase.start(Path.of("target", "test-data"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (Exception ignored) {
                    // the JVM is going away; the next run stops a server left behind
                }
            }));
        }
        return database;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.data-dir", Path.of("target", "test-data").toAbsolutePath().toString(),
                "nohold.admin.password", ADMIN_PASSWORD,
                // Short timings so retries and give-ups happen within a test's patience.
                "nohold.dispatch.poll-interval", "500ms",
                "nohold.delivery.poll-interval", "200ms",
                "nohold.delivery.initial-backoff", "200ms",
                "nohold.delivery.max-backoff", "1s",
                "nohold.delivery.give-up-after", "3s"));
        // Recordings left in TRANSCRIBING are found within a test's patience; "too large" stays cheap to build.
        settings.put("nohold.speech.poll-interval", "500ms");
        settings.put("nohold.speech.max-bytes", "8M");
        return settings;
    }

    @Override
    public void stop() {
        // kept for the whole run: every test class shares the one server
    }
}
