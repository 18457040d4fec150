package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A node started before its database (a rollout while PostgreSQL restarts, nodes and database started together)
 * waits for it, and starts once it answers, instead of exiting at its first refused connection.
 */
class PlatformWaitsForItsDatabaseIT {

    /** What Flyway logs while it waits between attempts to connect. */
    private static final String WAITING = "Retrying in";

    @TempDir
    Path work;

    private PlatformProcess platform;
    private EmbeddedDatabase database;

    @AfterEach
    void stopAll() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aNodeStartedBeforeItsDatabaseStartsWhenTheDatabaseDoes() throws Exception {
        int port = freePort();
        Path dataDir = work.resolve("node");
        CompletableFuture<PlatformProcess> starting = CompletableFuture.supplyAsync(() -> start(dataDir, Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", "waited-for-it")));
        Path log = work.resolve("node.log");
        await().atMost(Duration.ofSeconds(60)).until(() -> starting.isDone()
                || Files.exists(log) && Files.readString(log).contains(WAITING));

        database = EmbeddedDatabase.start(work.resolve("database"), port);
        platform = starting.get(90, TimeUnit.SECONDS);

        given().auth().preemptive().basic("admin", "waited-for-it")
                .get(platform.baseUrl() + "/api/me").then().statusCode(200);
    }

    private static PlatformProcess start(Path dataDir, Map<String, String> settings) {
        try {
            return PlatformProcess.start(dataDir, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
