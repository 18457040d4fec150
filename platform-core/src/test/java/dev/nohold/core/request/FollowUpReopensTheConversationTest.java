package dev.nohold.core.request;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer's text soon after their answer reopens the request: back to the agent who answered when they are free,
 * else to the queue, in its original place in line, answered on the channel the follow-up came from. After the
 * reopen window (7 days by default) it is a new request.
 */
@QuarkusTest
class FollowUpReopensTheConversationTest {

    private static final String PHONE = "+15550002222";

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
    }

    @Test
    void aFollowUpWithinTheWindowReopensTheRequestToTheAgentWhoAnswered() {
        Fixtures.createAgent("alice");
        Fixtures.presence("alice", "AVAILABLE");
        IntakeReceipt first = answeredBy("alice", RecordingChannel.ID, PHONE, "My router is blinking red");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/requests/" + first.id()).then().body("status", equalTo("DELIVERED")));
        Timestamp queuedAt = queuedAt(first.id());

        IntakeReceipt followUp = intake.submit(InboundMessage.text(RecordingChannel.ID, PHONE, "Still red after a restart"));

        assertEquals(first.id(), followUp.id());
        assertTrue(followUp.joined());
        assertEquals(RequestStatus.ASSIGNED, followUp.status());
        assertEquals(queuedAt, queuedAt(first.id()));
        as("alice").get("/api/requests/" + first.id()).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignedTo", equalTo("alice"))
                .body("messages.direction", contains("in", "out", "in"))
                .body("messages[2].text", equalTo("Still red after a restart"))
                .body("events.type", contains("RECEIVED", "QUEUED", "ASSIGNED", "REPLIED", "ANSWERED",
                        "DELIVERY_ATTEMPT", "DELIVERED", "REOPENED", "QUEUED", "ASSIGNED"));
        as("alice").get("/api/me/requests").then().body("id", contains(first.id().toString()));
    }

    @Test
    void whenTheAgentWhoAnsweredIsAwayAnotherAgentTakesTheReopenedRequest() {
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
        Fixtures.presence("alice", "AVAILABLE");
        IntakeReceipt first = answeredBy("alice", RecordingChannel.ID, PHONE, "Invoice is wrong");
        Fixtures.presence("alice", "AWAY");
        Fixtures.presence("bob", "AVAILABLE");

        IntakeReceipt followUp = intake.submit(InboundMessage.text(RecordingChannel.ID, PHONE, "It charged me twice"));

        assertEquals(first.id(), followUp.id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("bob").get("/api/requests/" + first.id()).then().statusCode(200)
                        .body("status", equalTo("ASSIGNED"))
                        .body("assignedTo", equalTo("bob")));
        as("admin").get("/api/requests/" + first.id()).then()
                .body("events.type", hasItem("REOPENED"))
                .body("events.find { it.type == 'ASSIGNED' && it.detail == 'bob' }.type", equalTo("ASSIGNED"));
    }

    @Test
    void aFollowUpAfterTheWindowMakesANewRequestThatShowsTheEarlierOne() throws SQLException {
        Fixtures.createAgent("alice");
        Fixtures.presence("alice", "AVAILABLE");
        IntakeReceipt first = answeredBy("alice", RecordingChannel.ID, PHONE, "Where is my refund?");
        // Delivery follows the answer from the outbox; wait for it, or the later assertions race it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("admin").get("/api/requests/" + first.id()).then().body("status", equalTo("DELIVERED")));
        answeredDaysAgo(first.id(), 8);

        IntakeReceipt later = intake.submit(InboundMessage.text(RecordingChannel.ID, PHONE, "Another question"));

        assertNotEquals(first.id(), later.id());
        assertFalse(later.joined());
        as("admin").get("/api/requests/" + first.id()).then().body("status", equalTo("DELIVERED"));
        as("admin").get("/api/requests/" + later.id()).then().statusCode(200)
                .body("text", equalTo("Another question"))
                .body("customerRequests.reference", contains(first.reference()))
                .body("customerRequests[0].status", equalTo("DELIVERED"));
    }

    @Test
    void theAnswerToAReopenedRequestGoesToTheChannelTheFollowUpCameFrom() {
        Fixtures.createAgent("alice");
        Fixtures.presence("alice", "AVAILABLE");
        // The first answer goes to a channel this platform does not have, so it fails: a failed answer reopens too.
        IntakeReceipt first = answeredBy("alice", "voice", "+1 555 000 2222", "Please call me back");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/requests/" + first.id()).then().body("status", equalTo("DELIVERY_FAILED")));

        IntakeReceipt followUp = intake.submit(InboundMessage.text(RecordingChannel.ID, PHONE, "Text me instead"));
        assertEquals(first.id(), followUp.id());
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Here is the answer by text."))
                .post("/api/requests/" + first.id() + "/reply").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/requests/" + first.id()).then().body("status", equalTo("DELIVERED")));
        assertEquals(1, channel.delivered().size());
        assertEquals("Here is the answer by text.", channel.delivered().get(0).text());
        assertEquals(PHONE, channel.delivered().get(0).to());
        as("alice").get("/api/requests/" + first.id()).then()
                .body("deliveries.channel", contains("voice", RecordingChannel.ID))
                .body("messages.channel", contains("voice", "voice", RecordingChannel.ID, RecordingChannel.ID));
    }

    /** A request from this address, taken by the agent and answered. */
    private IntakeReceipt answeredBy(String agent, String channelId, String address, String text) {
        IntakeReceipt receipt = intake.submit(InboundMessage.text(channelId, address, text));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(agent).get("/api/me/requests").then().body("id", contains(receipt.id().toString())));
        as(agent).contentType(ContentType.JSON).body(Map.of("text", "Answer to: " + text))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(201);
        return receipt;
    }

    private Timestamp queuedAt(UUID requestId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select queued_at from customer_request where id = ?")) {
            query.setObject(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answeredDaysAgo(UUID requestId, int days) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update customer_request set answered_at = answered_at - make_interval(days => ?) where id = ?")) {
            update.setInt(1, days);
            update.setObject(2, requestId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
