package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator who puts {@code quarkus.datasource.jdbc.url} in {@code config/application.properties} beside the
 * packaged platform (not on the command line) gets that database, and no embedded one is started.
 */
class PlatformReadsTheDatabaseFromItsConfigFileIT {

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
}
