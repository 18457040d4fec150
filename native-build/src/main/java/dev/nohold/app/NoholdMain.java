package dev.nohold.app;

import dev.nohold.core.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.apache.camel.quarkus.main.CamelMainApplication;

/**
 * Starts the platform. With no {@code quarkus.datasource.jdbc.url} configured, the embedded PostgreSQL starts beside
 * Quarkus's boot (Quarkus reads the datasource URL at run time, so it only has to be set before {@link Quarkus#run};
 * the first connection waits for the server).
 *
 * <p>A custom main replaces Camel Quarkus's own, which is what starts the Camel runtime; so the application run is
 * Camel's {@link CamelMainApplication}, which starts the routes and waits for the platform to stop.
 */
@QuarkusMain
public class NoholdMain {

    public static void main(String... args) {
        // The build's AppCDS training run (quarkus.package.jar.appcds.enabled) stops after static init and needs no
        // database: starting one would initdb inside target/quarkus-app on every build.
        if (!Boolean.getBoolean("quarkus.appcds.generate")) {
            EmbeddedDatabase.startUnlessConfigured();
        }
        Quarkus.run(CamelMainApplication.class, args);
    }
}
