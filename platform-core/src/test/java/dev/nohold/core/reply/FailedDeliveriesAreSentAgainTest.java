package dev.nohold.core.reply;

import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.LiveTestChannel;
import dev.nohold.core.customer.Customers;
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
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failed answer is sent again by its author or a supervisor, on its channel or another of the customer's. */
@QuarkusTest
class FailedDeliveriesAreSentAgainTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    Customers customers;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void theAuthorRetriesAFailedDeliveryAndItIsDeliveredOnce() {
        UUID id = failedAnswer("+15550300");

        as("bob").post(retry(id, failedDelivery(id))).then().statusCode(404);
        as("alice").post("/api/requests/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404);
        String failed = failedDelivery(id);
        as("alice").post(retry(id, failed)).then().statusCode(201)
                .body("deliveries", hasSize(2))
                .body("deliveries[0].replacedBy", equalTo(as("alice").get("/api/requests/" + id).then()
                        .extract().path("deliveries[1].id")))
                .body("deliveries[1].replaces", equalTo(failed));

        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED"))
                .body("deliveries[1].status", equalTo("DELIVERED"))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("events.type", hasItem("DELIVERY_RETRIED")));
        assertEquals(1, channel.delivered().size(), "the second try reached the channel, once");
        as("alice").post(retry(id, failed)).then().statusCode(409)
                .body("error", equalTo("This delivery was already sent again; follow the newer one"));
        String delivered = as("alice").get("/api/requests/" + id).then().extract().path("deliveries[1].id");
        as("sam").post(retry(id, delivered)).then().statusCode(409);
    }

    @Test
    void aSupervisorSendsAFailedAnswerOnAnotherChannelOfTheSameCustomer() {
        UUID id = failedAnswer("+15550301");
        // The same phone number on another channel is the same customer.
        QuarkusTransaction.requiringNew().run(() -> customers.resolve(LiveTestChannel.ID, "+1 555 0301"));
        as("alice").get("/api/requests/" + id).then()
                .body("customerAddresses.channel", hasItem(LiveTestChannel.ID));
        String failed = failedDelivery(id);

        as("sam").contentType(ContentType.JSON).body(Map.of("channel", "nowhere"))
                .post(resend(id, failed)).then().statusCode(400);
        as("sam").contentType(ContentType.JSON).body(Map.of("channel", LiveTestChannel.ID, "address", "+15559999"))
                .post(resend(id, failed)).then().statusCode(422);
        as("sam").contentType(ContentType.JSON).body(Map.of("channel", RecordingChannel.ID))
                .post(resend(id, failed)).then().statusCode(409);
        as("sam").contentType(ContentType.JSON).body(Map.of("channel", LiveTestChannel.ID))
                .post(resend(id, failed)).then().statusCode(201);

        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED"))
                .body("deliveries[1].channel", equalTo(LiveTestChannel.ID))
                .body("deliveries[1].address", equalTo("+1 555 0301"))
                .body("deliveries[1].status", equalTo("DELIVERED")));
        assertEquals(0, channel.delivered().size(), "nothing went out on the failed channel");
    }

    @Test
    void aDeliveryThatDidNotFailIsNotSentAgain() {
        Fixtures.presence("alice", "AVAILABLE");
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550302", "Hello")).id();
        awaitAssigned(id);
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Hi")).post("/api/requests/" + id + "/reply")
                .then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .body("deliveries[0].status", equalTo("DELIVERED"))
                .body("deliveries[0].replacedBy", nullValue()));
        String delivered = as("alice").get("/api/requests/" + id).then().extract().path("deliveries[0].id");
        as("alice").post(retry(id, delivered)).then().statusCode(409);
        as("alice").contentType(ContentType.JSON).body(Map.of("channel", LiveTestChannel.ID))
                .post(resend(id, delivered)).then().statusCode(409);
    }

    /** A request answered by alice whose only delivery failed for good. */
    private UUID failedAnswer(String phone) {
        channel.failNext(DeliveryException.permanentFailure("21211: invalid phone number"));
        Fixtures.presence("alice", "AVAILABLE");
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, phone, "Where is my refund?")).id();
        awaitAssigned(id);
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "It went out Monday."))
                .post("/api/requests/" + id + "/reply").then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERY_FAILED"))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].error", equalTo("21211: invalid phone number")));
        return id;
    }

    private void awaitAssigned(UUID id) {
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .statusCode(200).body("assignedTo", equalTo("alice")).body("status", equalTo("ASSIGNED")));
    }

    private static String failedDelivery(UUID id) {
        return as("sam").get("/api/requests/" + id).then().extract().path("deliveries[0].id");
    }

    private static String retry(UUID id, String delivery) {
        return "/api/requests/" + id + "/deliveries/" + delivery + "/retry";
    }

    private static String resend(UUID id, String delivery) {
        return "/api/requests/" + id + "/deliveries/" + delivery + "/resend";
    }
}
