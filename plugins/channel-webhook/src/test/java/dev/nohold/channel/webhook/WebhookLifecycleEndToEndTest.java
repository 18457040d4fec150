package dev.nohold.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WebhookLifecycleEndToEndTest {

    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";

    @Inject
    DataSource dataSource;

    private CallbackReceiver receiver;

    @BeforeEach
    void clean() throws Exception {
        Fixtures.reset(dataSource);
        receiver = CallbackReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aSignedRequestReachesAnAgentAndTheAnswerIsPostedSignedToTheCallbackUrl() throws Exception {
        Response intake = WebhookCalls.postSigned(
                WebhookCalls.body("crm-contact-42", "Where is my invoice?", receiver.url()));
        intake.then().statusCode(201).contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("reference", notNullValue())
                .body("status", equalTo("QUEUED"));
        String id = intake.path("id");
        String reference = intake.path("reference");

        Fixtures.createAgent("alice");
        Fixtures.presence("alice", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/me/requests").then().statusCode(200)
                        .body("reference", contains(reference))
                        .body("[0].text", equalTo("Where is my invoice?")));

        as("alice").contentType(ContentType.JSON).body(Map.of("text", "It is in your mailbox since Monday."))
                .post("/api/requests/" + id + "/reply")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.calls().isEmpty());
        CallbackReceiver.Call call = receiver.calls().get(0);
        assertEquals("POST", call.header(":method"));
        assertEquals("/nohold/answers", call.header(":path"));
        assertTrue(call.header("content-type").startsWith("application/json"));
        assertEquals(WebhookSignature.Verdict.VALID,
                WebhookCalls.SIGNER.verify(call.header(WebhookSignature.HEADER), call.body()),
                "the callback is signed over the exact bytes received");
        assertEquals(WebhookSignature.Verdict.MISMATCH,
                new WebhookSignature("another-secret").verify(call.header(WebhookSignature.HEADER), call.body()));
        JsonNode answer = new ObjectMapper().readTree(call.body());
        assertEquals(reference, answer.get("reference").asText());
        assertEquals(id, answer.get("id").asText());
        assertEquals("It is in your mailbox since Monday.", answer.get("text").asText());
        assertEquals("alice", answer.get("by").asText());
        assertTrue(answer.get("at").asText().matches(ISO), answer.get("at").asText());
        assertTrue(call.header("user-agent").startsWith("Nohold-Webhook"));
        assertEquals(call.header("idempotency-key"), call.header("x-nohold-delivery"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/requests/" + id).then().statusCode(200)
                        .body("status", equalTo("DELIVERED")));
        as("alice").get("/api/requests/" + id).then()
                .body("channel", equalTo("webhook"))
                .body("from", equalTo("crm-contact-42"))
                .body("assignedTo", equalTo("alice"))
                .body("replies", hasSize(1))
                .body("replies[0].by", equalTo("alice"))
                .body("deliveries", hasSize(1))
                .body("deliveries[0].channel", equalTo("webhook"))
                .body("deliveries[0].status", equalTo("DELIVERED"))
                .body("deliveries[0].attempts", equalTo(1))
                .body("deliveries[0].providerId", equalTo(call.header("x-nohold-delivery")))
                .body("events.type", contains("RECEIVED", "QUEUED", "ASSIGNED", "REPLIED", "ANSWERED",
                        "DELIVERY_ATTEMPT", "DELIVERED"))
                .body("events.find { it.type == 'ASSIGNED' }.detail", equalTo("alice"))
                .body("events[0].at", matchesPattern(ISO));
        assertEquals(1, receiver.calls().size(), "one answer, one callback");
    }
}
