package dev.nohold.core.channel;

import dev.nohold.core.dispatch.Dispatcher;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent held for a live contact gets no other work until the contact connects (and becomes their request),
 * is released, expires, or they go offline; agents without a phone are never held for a call.
 */
@QuarkusTest
class LiveContactHoldsAnAgentTest {

    @Inject
    ChannelRequests requests;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void heldAgentGetsNoOtherWorkUntilReleased() {
        agentWithPhone("hana");
        LiveReservation held = reserve("CA1").orElseThrow();
        assertEquals("+15550001111", held.agentPhone());

        IntakeReceipt waiting = requests.take(InboundMessage.from(RecordingChannel.ID, "someone").text("hello").build());
        assertEquals(0, dispatcher.dispatchAll());
        assertEquals("QUEUED", requests.find(waiting.id()).orElseThrow().status());

        assertTrue(requests.release(held.id(), "the agent did not pick up"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                requests.find(waiting.id()).orElseThrow().withAgent());
    }

    @Test
    void connectedContactBecomesTheHeldAgentsRequestThroughTheQueue() {
        agentWithPhone("ida");
        LiveReservation held = reserve("CA2").orElseThrow();

        ChannelRequest live = requests.connectedLive(held.id(), InboundMessage.from(LiveTestChannel.ID, "+15557770000")
                .text("Live call").providerMessageId("live:CA2", "CA2").build()).orElseThrow();

        as("admin").get("/api/requests/" + live.id()).then().body("assignedTo", equalTo("ida"))
                .body("events.type", contains("RECEIVED", "QUEUED", "ASSIGNED"));
        assertEquals(Optional.of(live.id()), requests.connectedLive(held.id(), InboundMessage.from(LiveTestChannel.ID,
                "+15557770000").text("Live call").providerMessageId("live:CA2", "CA2").build()).map(ChannelRequest::id));
        requests.answeredLive(live.id(), "call ended");
        assertEquals("DELIVERED", requests.find(live.id()).orElseThrow().status());
    }

    @Test
    void liveCallEndingAfterItsAgentLeftIsNotClosedInAnotherAgentsName() {
        agentWithPhone("max");
        ChannelRequest live = requests.connectedLive(reserve("CA8").orElseThrow().id(), InboundMessage.from(
                LiveTestChannel.ID, "+15557770000").text("Live call").providerMessageId("live:CA8", "CA8").build())
                .orElseThrow();
        Fixtures.presence("max", "OFFLINE");
        agentWithPhone("ned");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + live.id())
                .then().body("assignedTo", equalTo("ned")));

        requests.answeredLive(live.id(), "call ended");

        as("admin").get("/api/requests/" + live.id()).then().body("status", equalTo("ASSIGNED"))
                .body("events.type", org.hamcrest.Matchers.hasItem("LIVE_CALL_ENDED"));
    }

    @Test
    void holdLapsesByItself() {
        agentWithPhone("jo");
        reserve("CA3").orElseThrow();
        assertTrue(reserve("CA4").isEmpty());

        await().atMost(Duration.ofSeconds(15)).until(() -> reserve("CA5").isPresent());
    }

    @Test
    void agentGoingOfflineIsReleasedAndNothingIsMade() {
        agentWithPhone("kai");
        LiveReservation held = reserve("CA6").orElseThrow();

        Fixtures.presence("kai", "OFFLINE");

        assertTrue(requests.liveReservation(held.id()).isEmpty());
        assertTrue(requests.connectedLive(held.id(), InboundMessage.from(LiveTestChannel.ID, "+15557770000")
                .text("Live call").providerMessageId("live:CA6", "CA6").build()).isEmpty());
        as("admin").get("/api/requests").then().body("size()", equalTo(0));
    }

    @Test
    void agentWithoutAPhoneIsNeverHeldForACall() {
        Fixtures.createAgent("lou");
        Fixtures.presence("lou", "AVAILABLE");

        assertFalse(reserve("CA7").isPresent());
    }

    private Optional<LiveReservation> reserve(String callSid) {
        return requests.reserveAgentForLiveContact(LiveTestChannel.ID, callSid, "+15557770000", new LiveNeeds(false, null));
    }

    private static void agentWithPhone(String username) {
        as("admin").contentType(ContentType.JSON).body(Map.of("username", username, "password", Fixtures.PASSWORD,
                "displayName", "Agent " + username, "phone", "+15550001111", "skills", List.of()))
                .post("/api/admin/agents").then().statusCode(201);
        Fixtures.presence(username, "AVAILABLE");
    }
}
