package dev.nohold.core.events;

import dev.nohold.core.agent.Agents;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import dev.nohold.core.testing.SseClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EventStreamCarriesEveryCommittedChangeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Intake intake;
    @Inject
    Agents agents;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;

    private final List<SseClient> clients = new ArrayList<>();

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("alice");
    }

    @AfterEach
    void closeStreams() {
        clients.forEach(SseClient::close);
    }

    @Test
    void aRequestIsFollowedFromQueueToDeliveryByItsAgentAndTheSupervisor() {
        SseClient supervisor = open("admin", null);
        SseClient alice = open("alice", null);

        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-1", "Where is it?"));
        Fixtures.presence("alice", "AVAILABLE");
        SseClient.Received assigned = alice.await(PATIENCE, e -> "ASSIGNED".equals(e.type()));
        assertEquals(receipt.id().toString(), assigned.requestId());
        assertEquals(receipt.reference(), assigned.data().path("reference").asText());
        assertEquals("alice", assigned.data().path("agent").asText());
        assertEquals("ASSIGNED", assigned.data().path("status").asText());
        assertEquals(assigned.id(), assigned.data().path("id").asText());
        assertEquals(List.of("id", "data"), assigned.fields(), "plain SSE, as EventSource reads it");
        assertTrue(assigned.data().path("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                assigned.data().path("at").asText());

        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Tomorrow."))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(201);
        supervisor.await(PATIENCE, e -> "DELIVERED".equals(e.type()));
        alice.await(PATIENCE, e -> "DELIVERED".equals(e.type()));

        List<String> lifecycle = List.of("RECEIVED", "QUEUED", "ASSIGNED", "REPLIED", "ANSWERED", "DELIVERY_ATTEMPT",
                "DELIVERED");
        assertEquals(lifecycle, typesOf(supervisor, receipt));
        assertEquals(List.of("ASSIGNED", "REPLIED", "ANSWERED", "DELIVERY_ATTEMPT", "DELIVERED"), typesOf(alice, receipt),
                "the agent hears of the request from the moment it is theirs");
        SseClient.Received presence = supervisor.await(PATIENCE, e -> "PRESENCE".equals(e.type()));
        assertEquals("alice", presence.data().path("agent").asText());
        assertEquals("AVAILABLE", presence.data().path("status").asText());
        alice.await(PATIENCE, e -> "PRESENCE".equals(e.type()));
    }

    @Test
    void lastEventIdResumesWithExactlyTheEventsMissed() throws Exception {
        SseClient first = open("admin", null);
        Fixtures.presence("alice", "AVAILABLE");
        String lastSeen = first.await(PATIENCE, e -> "PRESENCE".equals(e.type())).id();
        first.close();

        IntakeReceipt missed = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-2", "While you were away"));
        await().atMost(PATIENCE).until(() -> eventIdsAfter(Long.parseLong(lastSeen)).size() >= 3);
        List<String> expected = eventIdsAfter(Long.parseLong(lastSeen));

        SseClient resumed = open("admin", lastSeen);
        await().atMost(PATIENCE).until(() -> resumed.events().size() >= expected.size());
        assertEquals(expected, resumed.events().stream().map(SseClient.Received::id).toList(),
                "every event committed since Last-Event-ID, once each, in order");
        assertEquals(List.of("RECEIVED", "QUEUED", "ASSIGNED"), typesOf(resumed, missed));

        Fixtures.presence("alice", "AWAY");
        resumed.await(PATIENCE, e -> "PRESENCE".equals(e.type()) && "AWAY".equals(e.data().path("status").asText()));
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Exception {
        SseClient supervisor = open("admin", null);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            agents.changePresence("alice", "AVAILABLE");
            throw new IllegalStateException("the change is rolled back");
        }));
        Fixtures.presence("alice", "AWAY");

        supervisor.await(PATIENCE, e -> "PRESENCE".equals(e.type()));
        assertEquals(List.of("AWAY"), supervisor.events().stream().map(e -> e.data().path("status").asText()).toList());
        assertEquals(1, eventIdsAfter(0).size(), "the rolled-back change left no event behind");
    }

    @Test
    void aMalformedLastEventIdIsRefused() {
        as("alice").header("Last-Event-ID", "yesterday").get("/api/events").then().statusCode(400);
    }

    private SseClient open(String username, String lastEventId) {
        String password = "admin".equals(username) ? EmbeddedPostgresResource.ADMIN_PASSWORD : Fixtures.PASSWORD;
        SseClient client = SseClient.open("http://localhost:" + RestAssured.port, username, password, lastEventId);
        clients.add(client);
        return client;
    }

    private static List<String> typesOf(SseClient client, IntakeReceipt request) {
        return client.events().stream().filter(e -> request.id().toString().equals(e.requestId()))
                .map(SseClient.Received::type).toList();
    }

    private List<String> eventIdsAfter(long id) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from live_event where id > " + id + " order by id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
