package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What the flow tests share: a clean database with only the default flows, active, and the test flows' files. */
public final class FlowFixtures {

    private FlowFixtures() {
    }

    public static void reset(DataSource dataSource, FlowCatalog catalog) {
        Fixtures.reset(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("truncate flow_conversation");
            sql.execute("delete from flow");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        catalog.forget();
        QuarkusTransaction.requiringNew().run(() -> FlowCatalog.DEFAULTS.forEach(catalog::installDefault));
    }

    public static String file(String name) {
        try (InputStream in = FlowFixtures.class.getResourceAsStream("/flows-test/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
