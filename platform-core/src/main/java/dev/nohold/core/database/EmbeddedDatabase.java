package dev.nohold.core.database;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the platform starts itself when no external database is configured.
 *
 * <p>It is a real, durable server (fsync and synchronous commit on, unlike zonky's test defaults) whose data lives
 * under {@code <data-dir>/postgres}. A platform killed with {@code kill -9} leaves its server running and holding
 * the data directory; the next start finds it through {@code postmaster.pid} and stops it before starting afresh.
 * A lock file makes sure two live platforms never share one data directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PLATFORM_STOP_TIMEOUT = Duration.ofSeconds(60);

    /** The server {@link #startUnlessConfigured} started: held for the platform's life, with its data lock. */
    private static volatile EmbeddedDatabase platformDatabase;

    private final EmbeddedPostgres postgres;
    private final FileLock ownership;

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileLock ownership) {
        this.postgres = postgres;
        this.ownership = ownership;
    }

    /**
     * Starts the embedded server unless {@code quarkus.datasource.jdbc.url} is configured anywhere Quarkus reads
     * configuration from (see {@link StartupSettings}), and points the datasource at it through system properties,
     * which Quarkus reads at run time.
     *
     * <p>The server starts on a thread of its own, beside Quarkus's boot (which takes longer and needs no database
     * until Flyway runs): the data directory is claimed and its port chosen here, and every connection to it waits
     * until it accepts them ({@link ConnectWhenStarted}). If it cannot start, that first connection fails with the reason.
     */
    public static void startUnlessConfigured() {
        StartupSettings settings = StartupSettings.current();
        if (settings.get(JDBC_URL).isPresent()) {
            LOG.info("Using the PostgreSQL configured in quarkus.datasource.jdbc.url; no embedded database started");
            return;
        }
        Path dataDir = Path.of(settings.get("nohold.data-dir").orElse("./data")).toAbsolutePath().normalize();
        FileLock ownership = claimDataDirectory(dataDir);
        int port = freePort();
        CompletableFuture<Void> started = new CompletableFuture<>();
        ConnectWhenStarted.SERVERS.put(port, started);
        Thread.ofPlatform().name("embedded-postgresql-start").start(() -> {
            try {
                platformDatabase = start(dataDir, port, ownership, false);
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-postgresql-stop")
                        .unstarted(EmbeddedDatabase::stopAfterThePlatform));
                started.complete(null);
            } catch (RuntimeException e) {
                LOG.error("The embedded PostgreSQL could not start", e);
                started.completeExceptionally(e);
            }
        });
        System.setProperty(JDBC_URL, jdbcUrl(port) + "?socketFactory=" + ConnectWhenStarted.class.getName()
                + "&socketFactoryArg=" + port);
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
    }

    /** Starts (initialising on first use) the server whose data lives under {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** As {@link #start(Path)}, on the given port (0: any free port). */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return start(dir, port, claimDataDirectory(dir), true);
    }

    private static FileLock claimDataDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileLock ownership = claim(dataDir.resolve("nohold.lock"));
            stopStaleServer(dataDir.resolve("postgres"));
            return ownership;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start under " + dataDir, e);
        }
    }

    /**
     * {@code stopOnExit}: the library stops the server as the JVM exits, beside any other shutdown hook; the
     * platform's own server is stopped by {@link #stopAfterThePlatform} instead.
     */
    private static EmbeddedDatabase start(Path dataDir, int port, FileLock ownership, boolean stopOnExit) {
        try {
            Path pgData = dataDir.resolve("postgres");
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setRegisterShutdownHook(stopOnExit)
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Statement statistics for operators and the intake benchmark (after "create extension
                    // pg_stat_statements"); the library ships with the embedded server and costs next to nothing.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.infof("Embedded PostgreSQL ready on port %d with data in %s (%d ms)",
                    postgres.getPort(), pgData, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres, ownership);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start under " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        ownership.release();
        ownership.channel().close();
    }

    /**
     * Stops the platform's server once Quarkus has stopped (Camel's routes, the connection pool, the live-events
     * listener), not beside it: stopped at once, it cut the connections of work still finishing, which logged
     * errors and rolled back on every orderly stop.
     */
    private static void stopAfterThePlatform() {
        Application platform = ApplicationLifecycleManager.getCurrentApplication();
        if (platform != null) {
            try {
                // Quarkus's own shutdown gives Camel 45 s; a platform stuck beyond that loses its database anyway.
                Thread.ofVirtual().start(platform::awaitShutdown).join(PLATFORM_STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            platformDatabase.close();
        } catch (IOException e) {
            LOG.warnf("The embedded PostgreSQL did not stop cleanly (%s); the next start recovers it", e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
    }

    private static FileLock claim(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM: fall through to the same refusal
        }
        channel.close();
        throw new IllegalStateException("The data directory " + lockFile.getParent()
                + " is in use by another running Nohold process; stop it or set nohold.data-dir elsewhere.");
    }

    /** A server left behind by a killed platform still holds the data directory: stop it so ours can start. */
    private static void stopStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> stale = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (stale.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping the embedded PostgreSQL (pid %d) left running by a platform that did not shut down", pid);
        ProcessHandle server = stale.get();
        server.destroy();
        try {
            server.onExit().get(STALE_SERVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            server.destroyForcibly();
        }
    }
}
