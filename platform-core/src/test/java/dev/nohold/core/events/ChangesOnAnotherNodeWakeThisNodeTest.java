package dev.nohold.core.events;

import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.dispatch.AssignmentClaim;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the safety-net polls an hour apart, only the live events can make this node act on a change another node
 * committed. The other node is played by plain SQL: the change, its live event and the notification in one
 * transaction, exactly as {@link LiveEvents} writes them.
 */
@QuarkusTest
@TestProfile(ChangesOnAnotherNodeWakeThisNodeTest.SlowPolls.class)
class ChangesOnAnotherNodeWakeThisNodeTest {

    public static class SlowPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nohold.dispatch.poll-interval", "1h", "nohold.delivery.poll-interval", "1h");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;
    @Inject
    NoholdConfig config;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("alice");
        assertEquals(Duration.ofHours(1), config.dispatch().pollInterval(), "no poll may do the work in this test");
        assertEquals(Duration.ofHours(1), config.delivery().pollInterval(), "no poll may do the work in this test");
    }

    @Test
    void anAgentMadeAvailableOnAnotherNodeWakesThisNodesDispatcher() throws Exception {
        // Dispatch rounds are counted rather than observed through an assignment, which a round of this node's own
        // (after an intake, say) could make and so hide a missing wake-up.
        AtomicInteger rounds = new AtomicInteger();
        QuarkusMock.installMockForType(new AssignmentClaim(null, null, null) {
            @Override
            public boolean assignNext() {
                rounds.incrementAndGet();
                return false;
            }
        }, AssignmentClaim.class);

        onAnotherNode(presence("AWAY"));
        onAnotherNode(presence("AVAILABLE"));

        await().atMost(PATIENCE).until(() -> rounds.get() > 0);
        assertEquals(1, rounds.get(), "an agent going away makes no assignment possible, so it wakes nobody");
    }

    private static String presence(String status) {
        return """
                update agent set presence = '%1$s', presence_since = now(), idle_since = now() where username = 'alice';
                with event as (
                    insert into live_event (at, type, status, agent_id, agent)
                    select now(), 'PRESENCE', '%1$s', id, username from agent where username = 'alice'
                    returning id)
                select pg_notify('nohold_events', id::text) from event""".formatted(status);
    }

    @Test
    void aReplyStoredOnAnotherNodeWakesThisNodesOutbox() throws Exception {
        Fixtures.presence("alice", "AVAILABLE");
        IntakeReceipt request = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-2", "Hello?"));
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/me/requests").then()
                .body("[0].id", org.hamcrest.Matchers.equalTo(request.id().toString())));
        channel.failNext(DeliveryException.transientFailure("the provider is busy"));
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Hi!"))
                .post("/api/requests/" + request.id() + "/reply").then().statusCode(201);
        // The first attempt failed; its retry is due, but nothing on this node will look for it.
        await().atMost(PATIENCE).until(() -> retryIsDue(request));

        onAnotherNode("""
                with event as (
                    insert into live_event (at, type, detail) values (now(), 'REPLIED', 'on another node')
                    returning id)
                select pg_notify('nohold_events', id::text) from event""");

        await().atMost(PATIENCE).until(() -> channel.delivered().size() == 1);
    }

    private boolean retryIsDue(IntakeReceipt request) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select count(*) from delivery where request_id = '" + request.id()
                     + "' and status = 'PENDING' and attempts = 1 and next_attempt_at < now() and lease_until is null")) {
            row.next();
            return row.getInt(1) == 1;
        }
    }

    private void onAnotherNode(String statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                for (String statement : statements.split(";\n")) {
                    sql.execute(statement);
                }
            }
            connection.commit();
        }
    }
}
