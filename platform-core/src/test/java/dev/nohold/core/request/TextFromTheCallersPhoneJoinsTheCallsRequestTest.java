package dev.nohold.core.request;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Someone who calls, leaves a recording, then texts "also my address changed" from the same phone has one request:
 * one customer with the number on voice and on SMS, the conversation in order, the answer going back by SMS.
 */
@QuarkusTest
class TextFromTheCallersPhoneJoinsTheCallsRequestTest {

    private static final String PHONE = "+15550001111";

    @Inject
    Intake intake;
    @Inject
    Lifecycle lifecycle;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void aTextFromTheSameNumberJoinsTheCallsRequestAndTheCustomerHasBothAddresses() {
        IntakeReceipt call = intake.submit(InboundMessage.from("voice", PHONE)
                .attributes(Map.of("callSid", "CA1")).providerMessageId("CA1", "call-1").audioToFollow().build());
        InboundMessage text = InboundMessage.text("sms", PHONE, "also my address changed")
                .withProviderMessageId("SM1", "text-1");

        IntakeReceipt joined = intake.submit(text);
        IntakeReceipt retried = intake.submit(text);
        assertTrue(lifecycle.queueWithoutAudio(call.id(), "The recording could not be fetched", "test"));

        assertEquals(call.id(), joined.id());
        assertTrue(joined.joined());
        assertFalse(joined.duplicate());
        assertEquals(call.id(), retried.id());
        assertTrue(retried.duplicate());
        assertTrue(retried.joined());
        as("admin").get("/api/requests").then().statusCode(200).header("X-Total-Count", "1");
        String customerId = as("admin").get("/api/requests/" + call.id()).then().statusCode(200)
                .body("channel", equalTo("voice"))
                .body("status", equalTo("QUEUED"))
                .body("text", equalTo("The recording could not be fetched\nalso my address changed"))
                .body("messages.channel", contains("voice", "sms"))
                .body("messages.text", contains("The recording could not be fetched", "also my address changed"))
                .body("events.type", contains("RECEIVED", "AWAITING_AUDIO", "MESSAGE_ADDED", "AUDIO_UNAVAILABLE",
                        "QUEUED"))
                .body("customerRequests", hasSize(0))
                .extract().path("customerId");

        as("admin").get("/api/customers/" + customerId).then().statusCode(200)
                .body("id", equalTo(customerId))
                .body("addresses", hasSize(2))
                .body("addresses.channel", containsInAnyOrder("voice", "sms"))
                .body("addresses.address", contains(PHONE, PHONE))
                .body("requests.id", contains(call.id().toString()))
                .body("requests[0].reference", equalTo(call.reference()))
                .body("requests[0].channel", equalTo("voice"));

        Fixtures.createAgent("alice");
        Fixtures.presence("alice", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/me/requests").then().body("id", contains(call.id().toString())));
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Noted, thanks."))
                .post("/api/requests/" + call.id() + "/reply").then().statusCode(201);
        as("alice").get("/api/requests/" + call.id()).then()
                .body("messages.direction", contains("in", "in", "out"))
                .body("messages[2].channel", equalTo("sms"))
                .body("messages[2].by", equalTo("alice"))
                .body("deliveries[0].channel", equalTo("sms"));
    }

    @Test
    void aRecordingOrALiveCallMakesItsOwnRequestAndEachRequestShowsTheCustomersOthers() {
        IntakeReceipt text = intake.submit(InboundMessage.text("sms", PHONE, "My bill is wrong"));
        IntakeReceipt recording = intake.submit(InboundMessage.from("voice", PHONE)
                .providerMessageId("CA2", "call-2").audioToFollow().build());
        IntakeReceipt live = intake.submit(InboundMessage.text("voice", PHONE, "Live call from the caller")
                .asOwnRequest());

        assertFalse(recording.joined());
        assertFalse(live.joined());
        assertEquals(3, Set.of(text.id(), recording.id(), live.id()).size());
        as("admin").get("/api/requests/" + text.id()).then()
                .body("customerRequests.id", contains(live.id().toString(), recording.id().toString()))
                .body("customerRequests.channel", contains("voice", "voice"));
        as("admin").get("/api/requests/" + live.id()).then()
                .body("customerRequests.id", contains(recording.id().toString(), text.id().toString()));
    }
}
