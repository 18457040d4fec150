package dev.nohold.core.database;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a setting before Quarkus starts, from the same places and in the same order Quarkus will: system
 * properties, environment variables, {@code .env}, {@code config/application.properties} in the working directory,
 * {@code application.properties} on the class path, then {@code META-INF/microprofile-config.properties}; with the
 * active profile's {@code %profile.} values first. The embedded database must decide whether to start from exactly
 * what the datasource will use, or an operator's {@code application.properties} would be silently ignored.
 */
final class StartupSettings {

    // Quarkus's ordinals for these sources, so the order matches the application's own configuration.
    private static final int DOT_ENV = 295;
    private static final int WORKING_DIR_PROPERTIES = 260;
    private static final int CLASS_PATH_PROPERTIES = 250;

    private final SmallRyeConfig config;

    private StartupSettings(SmallRyeConfig config) {
        this.config = config;
    }

    /** The settings as the platform started from {@code workingDir} with {@code loader}'s class path will see them. */
    static StartupSettings of(Path workingDir, ClassLoader loader, String profile) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .forClassLoader(loader)
                .addDefaultInterceptors()
                .addDefaultSources()
                .withProfile(profile)
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(
                        workingDir.resolve(".env").toUri().toString(), loader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        workingDir.resolve("config").resolve("application.properties").toUri().toString(),
                        WORKING_DIR_PROPERTIES, loader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties",
                        CLASS_PATH_PROPERTIES, loader));
        return new StartupSettings(builder.build());
    }

    static StartupSettings current() {
        return of(Path.of(System.getProperty("user.dir")), Thread.currentThread().getContextClassLoader(), profile());
    }

    Optional<String> get(String property) {
        return config.getOptionalValue(property, String.class).filter(value -> !value.isBlank());
    }

    private static String profile() {
        String profile = System.getProperty("quarkus.profile");
        if (profile == null) {
            profile = System.getenv("QUARKUS_PROFILE");
        }
        return profile == null || profile.isBlank() ? "prod" : profile;
    }
}
