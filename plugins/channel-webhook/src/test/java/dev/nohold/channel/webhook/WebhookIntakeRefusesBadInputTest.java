package dev.nohold.channel.webhook;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every refusal is the right 4xx with a JSON error a caller can act on, and leaves nothing stored. */
@QuarkusTest
class WebhookIntakeRefusesBadInputTest {

    private static final String CALLBACK = "https://crm.example/nohold/answers";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @AfterEach
    void nothingWasStored() {
        assertEquals(0, WebhookCalls.storedRequests());
    }

    @Test
    void anUnsignedCallIs401() {
        refused(WebhookCalls.post(validBody(), null, null), 401, WebhookSignature.HEADER);
    }

    @Test
    void aCallSignedWithAnotherSecretIs403() {
        byte[] body = validBody();
        refused(WebhookCalls.post(body, new WebhookSignature("not-the-secret").sign(body), null), 403,
                "does not match");
    }

    @Test
    void aSignatureOfAnotherBodyIs403() {
        byte[] signed = validBody();
        byte[] sent = WebhookCalls.body("crm-contact-1", "Refund me twice", CALLBACK);
        refused(WebhookCalls.post(sent, WebhookCalls.SIGNER.sign(signed), null), 403, "does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256=not-hex", "sha1=0a1b2c", "0a1b2c3d", "sha256="})
    void aMalformedSignatureIs403(String header) {
        refused(WebhookCalls.post(validBody(), header, null), 403, "sha256=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"from\": \"a\", \"text\": ", "not json", "[\"from\", \"text\"]", "null", "\"text\"",
            "{\"from\": \"a\", \"text\": \"b\", \"callbackUrl\": \"https://crm.example/x\"} trailing",
            "{\"from\": {\"id\": 1}, \"text\": \"b\", \"callbackUrl\": \"https://crm.example/x\"}", ""})
    void aSignedBodyThatIsNotTheJsonObjectIs400(String raw) {
        byte[] body = WebhookCalls.bytes(raw);
        refused(WebhookCalls.postSigned(body), 400, "JSON");
    }

    @Test
    void aMissingFromIs400() {
        refused(WebhookCalls.postSigned(WebhookCalls.body(null, "Help", CALLBACK)), 400, "\"from\"");
    }

    @Test
    void aBlankFromIs400() {
        refused(WebhookCalls.postSigned(WebhookCalls.body("  ", "Help", CALLBACK)), 400, "\"from\"");
    }

    @Test
    void aMissingTextIs400() {
        refused(WebhookCalls.postSigned(WebhookCalls.body("crm-contact-1", null, CALLBACK)), 400, "\"text\"");
    }

    @Test
    void aBlankTextIs400() {
        refused(WebhookCalls.postSigned(WebhookCalls.body("crm-contact-1", " \n ", CALLBACK)), 400, "\"text\"");
    }

    @Test
    void aMissingCallbackUrlIs400() {
        refused(WebhookCalls.postSigned(WebhookCalls.body("crm-contact-1", "Help", null)), 400, "\"callbackUrl\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nohold/answers", "crm.example/answers", "ftp://crm.example/answers",
            "mailto:ops@crm.example", "http:///answers", "https://user:password@crm.example/answers",
            "https://crm.example/an swers", "javascript:alert(1)"})
    void aCallbackUrlThatIsNotAbsoluteHttpIs400(String url) {
        refused(WebhookCalls.postSigned(WebhookCalls.body("crm-contact-1", "Help", url)), 400, "\"callbackUrl\"");
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenSigned() {
        byte[] body = WebhookCalls.body("crm-contact-1", "x".repeat(64 * 1024), CALLBACK);
        refused(WebhookCalls.postSigned(body), 413, "at most 65536");
    }

    @Test
    void anIdempotencyKeyLongerThanTheStoreKeepsIs400() {
        refused(WebhookCalls.postSigned(validBody(), "k".repeat(201)), 400, "Idempotency-Key");
    }

    private static byte[] validBody() {
        return WebhookCalls.body("crm-contact-1", "Where is my refund?", CALLBACK);
    }

    private static void refused(Response response, int status, String errorMentions) {
        response.then().statusCode(status).contentType(ContentType.JSON)
                .body("error", not(emptyOrNullString()))
                .body("error", containsString(errorMentions));
    }
}
