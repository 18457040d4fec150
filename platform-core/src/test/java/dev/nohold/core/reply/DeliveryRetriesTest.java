package dev.nohold.core.reply;

import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reply reaches the customer despite passing failures, and a failure that retrying cannot fix is shown. */
@QuarkusTest
class DeliveryRetriesTest {

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;
    @Inject
    Outbox outbox;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("replier");
        Fixtures.presence("replier", "AVAILABLE");
    }

    @Test
    void passingFailuresAreRetriedUntilTheReplyIsDelivered() {
        channel.failNext(DeliveryException.transientFailure("HTTP 503"), DeliveryException.transientFailure("timeout"));
        IntakeReceipt receipt = answered();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("replier").get("/api/requests/" + receipt.id())
                .then().body("status", equalTo("DELIVERED"))
                .body("deliveries[0].status", equalTo("DELIVERED"))
                .body("deliveries[0].attempts", equalTo(3)));
        assertEquals(1, channel.delivered().size(), "sent once it went through, not again");
        as("replier").get("/api/requests/" + receipt.id()).then()
                .body("events.findAll { it.type == 'DELIVERY_ATTEMPT' }.detail",
                        org.hamcrest.Matchers.contains(containsString("failed: HTTP 503"),
                                containsString("failed: timeout"), containsString("delivered")));
    }

    @Test
    void aPermanentFailureEndsTheDeliveryWithItsReason() {
        channel.failNext(DeliveryException.permanentFailure("21211: invalid phone number"));
        IntakeReceipt receipt = answered();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("replier").get("/api/requests/" + receipt.id())
                .then().body("status", equalTo("DELIVERY_FAILED"))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].attempts", equalTo(1))
                .body("deliveries[0].error", equalTo("21211: invalid phone number")));
    }

    @Test
    void aChannelThatKeepsFailingIsGivenUpOnAfterTheConfiguredTime() {
        DeliveryException down = DeliveryException.transientFailure("connection refused");
        channel.failNext(down, down, down, down, down, down, down, down, down, down, down, down);
        IntakeReceipt receipt = answered();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("replier").get("/api/requests/" + receipt.id())
                .then().body("status", equalTo("DELIVERY_FAILED"))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].attempts", greaterThanOrEqualTo(3))
                .body("deliveries[0].error", containsString("gave up after"))
                .body("deliveries[0].error", containsString("connection refused")));
    }

    /**
     * An operator deleted a delivery's rows while a channel was sending it: the outcome has nowhere to go and is
     * dropped with a warning, and the outbox goes on delivering the others (it used to throw inside its own failure
     * handler).
     */
    @Test
    void theOutcomeOfADeliveryDeletedWhileItWasSentIsDroppedAndTheOthersGoOut() {
        OutboundReply gone = new OutboundReply(UUID.randomUUID(), 1, UUID.randomUUID(), "GONE01", RecordingChannel.ID,
                "customer", "answer", null, null, "replier", Instant.now(), null, Map.of());
        assertDoesNotThrow(() -> outbox.failed(gone, DeliveryException.transientFailure("connection refused")));
        assertDoesNotThrow(() -> outbox.succeeded(gone, DeliveryResult.sent("SM-gone")));

        IntakeReceipt receipt = answered();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("replier").get("/api/requests/" + receipt.id())
                .then().body("deliveries[0].status", equalTo("DELIVERED")));
    }

    private IntakeReceipt answered() {
        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer", "question"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + receipt.id())
                .then().body("assignedTo", equalTo("replier")));
        as("replier").contentType(ContentType.JSON).body(Map.of("text", "answer"))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(201);
        return receipt;
    }
}
