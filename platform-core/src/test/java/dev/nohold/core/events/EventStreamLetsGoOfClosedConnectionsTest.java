package dev.nohold.core.events;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EventStreamLetsGoOfClosedConnectionsTest {

    @Inject
    LiveFeed feed;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("alice");
    }

    @Test
    void anOpenStreamMarksTheAgentSeenAndAClosedOneIsForgotten() throws Exception {
        int before = feed.open();
        SseClient alice = SseClient.open("http://localhost:" + RestAssured.port, "alice", Fixtures.PASSWORD);
        assertEquals(before + 1, feed.open());
        assertTrue(lastSeen("alice"), "opening the stream marks the agent as seen");

        alice.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> feed.open() == before);
    }

    private boolean lastSeen(String username) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select last_seen_at is not null from agent where username = '"
                     + username + "'")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
