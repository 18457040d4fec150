package dev.nohold.core.events;

import dev.nohold.core.agent.Agents;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LiveEventsSurviveALostListenerConnectionTest {

    @Inject
    DataSource dataSource;
    @Inject
    Agents agents;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("alice");
    }

    @Test
    void aChangeCommittedWhileTheListenerWasDisconnectedIsStillPublished() throws Exception {
        try (SseClient supervisor = SseClient.open("http://localhost:" + RestAssured.port, "admin",
                EmbeddedPostgresResource.ADMIN_PASSWORD)) {
            assertEquals(1, terminateListener(), "this node listens on exactly one connection");

            // Committed before the listener is back (it waits 250 ms first): its notification reaches nobody.
            agents.changePresence("alice", "AVAILABLE");

            // Well within the listener's 10 s safety-net poll: the reconnect's catch-up delivers it.
            supervisor.await(Duration.ofSeconds(5), e -> "PRESENCE".equals(e.type()));
        }
    }

    private int terminateListener() throws Exception {
        int terminated = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement terminate = connection.prepareStatement(
                     "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            terminate.setString(1, LiveEventListener.APPLICATION_NAME);
            try (ResultSet rows = terminate.executeQuery()) {
                while (rows.next()) {
                    terminated += rows.getBoolean(1) ? 1 : 0;
                }
            }
        }
        return terminated;
    }
}
