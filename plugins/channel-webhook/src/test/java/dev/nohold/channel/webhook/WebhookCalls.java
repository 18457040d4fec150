package dev.nohold.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.testing.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** How a caller's system talks to the webhook channel in tests: signed the way the contract says. */
final class WebhookCalls {

    static final String SECRET = "test-webhook-secret";
    static final String PATH = "/channels/webhook/requests";
    static final WebhookSignature SIGNER = new WebhookSignature(SECRET);

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookCalls() {
    }

    static byte[] body(String from, String text, String callbackUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", from);
        fields.put("text", text);
        fields.put("callbackUrl", callbackUrl);
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    /** Posts these exact bytes, signed with the test secret. */
    static Response postSigned(byte[] body) {
        return post(body, SIGNER.sign(body), null);
    }

    static Response postSigned(byte[] body, String idempotencyKey) {
        return post(body, SIGNER.sign(body), idempotencyKey);
    }

    /** Posts with whatever signature header is given (null: none). */
    static Response post(byte[] body, String signature, String idempotencyKey) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        if (idempotencyKey != null) {
            request.header(WebhookResource.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return request.post(PATH);
    }

    /**
     * Takes a request in through the webhook with this callback URL and has an agent answer it: the answer is then in
     * the outbox, on its way to the callback. Returns the request's id.
     */
    static String submitAndAnswer(String callbackUrl, String agent) {
        String id = postSigned(body("crm-contact-7", "Can I change my plan?", callbackUrl))
                .then().statusCode(201).extract().path("id");
        Fixtures.createAgent(agent);
        Fixtures.presence(agent, "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(agent).get("/api/me/requests").then().statusCode(200).body("id", hasItem(id)));
        as(agent).contentType(ContentType.JSON).body(Map.of("text", "Yes, from your account page."))
                .post("/api/requests/" + id + "/reply")
                .then().statusCode(201);
        return id;
    }

    /** How many requests the platform holds, as an admin sees them. */
    static int storedRequests() {
        return Integer.parseInt(as("admin").get("/api/requests").then().statusCode(200)
                .extract().header("X-Total-Count"));
    }
}
