package dev.nohold.core.events;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LiveEventsAreKeptForTheRetentionOnlyTest {

    @Inject
    LiveEventRetention retention;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedAndYoungerOnesKept() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("insert into live_event (at, type, detail) values (now() - interval '25 hours', 'NOTE', 'old')");
            sql.execute("insert into live_event (at, type, detail) values (now() - interval '23 hours', 'NOTE', 'recent')");
        }

        assertEquals(1, retention.deleteExpired());

        assertEquals(List.of("recent"), details());
    }

    private List<String> details() throws Exception {
        List<String> details = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select detail from live_event order by id")) {
            while (rows.next()) {
                details.add(rows.getString(1));
            }
        }
        return details;
    }
}
