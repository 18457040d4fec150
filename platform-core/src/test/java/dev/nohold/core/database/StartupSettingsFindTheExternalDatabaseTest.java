package dev.nohold.core.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The embedded database starts only when no external one is configured, wherever an operator configured it:
 * {@code application.properties} in the jar or in {@code config/} beside it, {@code .env}, or a system property.
 */
class StartupSettingsFindTheExternalDatabaseTest {

    private static final String URL = EmbeddedDatabase.JDBC_URL;

    @TempDir
    Path workingDir;
    @TempDir
    Path classPath;

    private String systemProperty;

    @BeforeEach
    void clearSystemProperty() {
        systemProperty = System.clearProperty(URL);
    }

    @AfterEach
    void restoreSystemProperty() {
        if (systemProperty != null) {
            System.setProperty(URL, systemProperty);
        }
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedDatabase() throws IOException {
        assertEquals(Optional.empty(), settings("prod").get(URL));
    }

    @Test
    void theJarsApplicationPropertiesSelectTheExternalDatabase() throws IOException {
        Files.writeString(classPath.resolve("application.properties"), URL + "=jdbc:postgresql://db.example/jar\n");
        assertEquals(Optional.of("jdbc:postgresql://db.example/jar"), settings("prod").get(URL));
    }

    @Test
    void theWorkingDirectorysConfigFileWinsOverTheJar() throws IOException {
        Files.writeString(classPath.resolve("application.properties"), URL + "=jdbc:postgresql://db.example/jar\n");
        Files.createDirectories(workingDir.resolve("config"));
        Files.writeString(workingDir.resolve("config/application.properties"),
                URL + "=jdbc:postgresql://db.example/operator\n");
        assertEquals(Optional.of("jdbc:postgresql://db.example/operator"), settings("prod").get(URL));
    }

    @Test
    void aProfileValueCountsOnlyUnderItsProfile() throws IOException {
        Files.writeString(classPath.resolve("application.properties"),
                "%staging." + URL + "=jdbc:postgresql://db.example/staging\n");
        assertEquals(Optional.of("jdbc:postgresql://db.example/staging"), settings("staging").get(URL));
        assertEquals(Optional.empty(), settings("prod").get(URL));
    }

    @Test
    void aDotEnvFileCountsAsEnvironment() throws IOException {
        Files.writeString(workingDir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example/env\n");
        assertEquals(Optional.of("jdbc:postgresql://db.example/env"), settings("prod").get(URL));
    }

    @Test
    void aSystemPropertyWinsOverEveryFile() throws IOException {
        Files.writeString(classPath.resolve("application.properties"), URL + "=jdbc:postgresql://db.example/jar\n");
        System.setProperty(URL, "jdbc:postgresql://db.example/command-line");
        try {
            assertEquals(Optional.of("jdbc:postgresql://db.example/command-line"), settings("prod").get(URL));
        } finally {
            System.clearProperty(URL);
        }
    }

    private StartupSettings settings(String profile) throws IOException {
        ClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null);
        return StartupSettings.of(workingDir, loader, profile);
    }
}
