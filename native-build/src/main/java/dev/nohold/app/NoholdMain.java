package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the platform. With no {@code quarkus.datasource.jdbc.url} configured, the embedded PostgreSQL starts first
 * (Quarkus reads the datasource URL at run time, so it only has to exist before {@link Quarkus#run}).
 */
@QuarkusMain
public class NoholdMain {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
