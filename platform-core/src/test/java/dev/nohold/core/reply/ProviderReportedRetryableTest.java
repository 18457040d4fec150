package dev.nohold.core.reply;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A provider saying "not this time" (a callback nobody answered) puts the delivery back in line, until give-up. */
@QuarkusTest
class ProviderReportedRetryableTest {

    @Inject
    Intake intake;
    @Inject
    Outbox outbox;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("caller");
        Fixtures.presence("caller", "AVAILABLE");
    }

    @Test
    void unansweredSentDeliveryIsTriedAgainWithBackOff() {
        UUID deliveryId = sentDelivery("call-1", Instant.now());
        outbox.providerReportedRetryable(RecordingChannel.ID, "call-1", "nobody answered");
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>findById(deliveryId).status == DeliveryStatus.DELIVERED));
        Delivery delivered = QuarkusTransaction.requiringNew().call(() -> Delivery.findById(deliveryId));
        assertEquals(2, delivered.attempts, "sent once more by the outbox");
        as("admin").get("/api/requests/" + delivered.requestId).then()
                .body("events.detail", hasItem("attempt 1 via test failed: nobody answered"));
    }

    @Test
    void pastTheGiveUpTimeTheDeliveryFailsWithTheReason() {
        UUID deliveryId = sentDelivery("call-2", Instant.now().minus(Duration.ofHours(1)));
        outbox.providerReportedRetryable(RecordingChannel.ID, "call-2", "the line was busy");
        Delivery failed = QuarkusTransaction.requiringNew().call(() -> Delivery.findById(deliveryId));
        assertEquals(DeliveryStatus.FAILED, failed.status);
        assertEquals("gave up after 1 attempts: the line was busy", failed.lastError);
    }

    /** An answered request with a second delivery row that a provider accepted (SENT) as {@code providerId}. */
    private UUID sentDelivery(String providerId, Instant createdAt) {
        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer", "question"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + receipt.id())
                .then().body("assignedTo", equalTo("caller")));
        as("caller").contentType(ContentType.JSON).body(Map.of("text", "answer"))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + receipt.id())
                .then().body("status", equalTo("DELIVERED")));
        return QuarkusTransaction.requiringNew().call(() -> {
            Reply reply = Reply.ofRequest(receipt.id()).get(0);
            Delivery delivery = Delivery.pending(reply.id, receipt.id(), RecordingChannel.ID, createdAt);
            delivery.status = DeliveryStatus.SENT;
            delivery.providerId = providerId;
            delivery.attempts = 1;
            delivery.persist();
            return delivery.id;
        });
    }
}
