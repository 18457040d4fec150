package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node on an operator's own PostgreSQL: configured in {@code config/application.properties} beside the packaged
 * platform (not on the command line), it gets that database and starts no embedded one; started before that
 * database answers (a rollout while PostgreSQL restarts), it waits for it instead of exiting.
 */
class PlatformFindsItsExternalDatabaseIT {

    /** What Flyway logs while it waits between attempts to connect. */
    private static final String WAITING = "Retrying in";

    @TempDir
    Path work;

    private EmbeddedDatabase external;
    private PlatformProcess platform;

    @AfterEach
    void stopAll() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    void theConfigFilesDatabaseIsUsedAndNoEmbeddedOneStarts() throws Exception {
        external = EmbeddedDatabase.start(work.resolve("external-db"));
        Path operatorDir = Files.createDirectories(work.resolve("operator"));
        Files.createDirectories(operatorDir.resolve("config"));
        Files.writeString(operatorDir.resolve("config/application.properties"), """
                quarkus.datasource.jdbc.url=%s
                quarkus.datasource.username=postgres
                quarkus.datasource.password=
                nohold.admin.password=from-the-config-file
                """.formatted(external.jdbcUrl()));
        Path dataDir = work.resolve("data");

        platform = PlatformProcess.start(dataDir, Map.of(), operatorDir);

        given().auth().preemptive().basic("admin", "from-the-config-file")
                .get(platform.baseUrl() + "/api/me").then().statusCode(200);
        assertFalse(Files.exists(dataDir.resolve("postgres")), "an embedded PostgreSQL was started anyway");
        try (Connection sql = DriverManager.getConnection(external.jdbcUrl(), "postgres", "");
             ResultSet admin = sql.createStatement().executeQuery("select 1 from agent where username = 'admin'")) {
            assertTrue(admin.next(), "the platform did not create its admin account in the configured database");
        }
    }

    @Test
    void aNodeStartedBeforeItsDatabaseStartsWhenTheDatabaseDoes() throws Exception {
        int port = PlatformProcess.freePort();
        Path dataDir = work.resolve("node");
        CompletableFuture<PlatformProcess> starting = CompletableFuture.supplyAsync(() -> start(dataDir, Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "nohold.admin.password", "waited-for-it")));
        Path log = work.resolve("node.log");
        await().atMost(Duration.ofSeconds(60)).until(() -> starting.isDone()
                || Files.exists(log) && Files.readString(log).contains(WAITING));

        external = EmbeddedDatabase.start(work.resolve("external-db"), port);
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
}
