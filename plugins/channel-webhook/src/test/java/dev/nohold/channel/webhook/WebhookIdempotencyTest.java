package dev.nohold.channel.webhook;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An Idempotency-Key makes a caller's retry safe: one request, and the first call's answer again. */
@QuarkusTest
class WebhookIdempotencyTest {

    private static final String CALLBACK = "https://crm.example/nohold/answers";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void theSameKeyTwiceMakesOneRequestAndAnswersTheFirstCallsBodyAgain() {
        byte[] body = WebhookCalls.body("crm-contact-3", "Please cancel order 77", CALLBACK);
        Response first = WebhookCalls.postSigned(body, "crm-msg-1001");
        first.then().statusCode(201).header(WebhookResource.REPLAYED, nullValue()).body("status", equalTo("QUEUED"));

        // The request moves on before the caller's retry: the retry still gets what the first call got.
        Fixtures.createAgent("grace");
        Fixtures.presence("grace", "AVAILABLE");
        String id = first.path("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("admin").get("/api/requests/" + id).then().body("status", equalTo("ASSIGNED")));

        Response repeat = WebhookCalls.postSigned(body, "crm-msg-1001");
        repeat.then().statusCode(201).contentType(ContentType.JSON).header(WebhookResource.REPLAYED, "true");
        assertEquals(first.asString(), repeat.asString());
        assertEquals(1, WebhookCalls.storedRequests());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothingMore() {
        WebhookCalls.postSigned(WebhookCalls.body("crm-contact-3", "Please cancel order 77", CALLBACK), "crm-msg-1002")
                .then().statusCode(201);

        WebhookCalls.postSigned(WebhookCalls.body("crm-contact-3", "Please cancel order 78", CALLBACK), "crm-msg-1002")
                .then().statusCode(422).contentType(ContentType.JSON)
                .body("error", containsString("crm-msg-1002"));
        assertEquals(1, WebhookCalls.storedRequests());
    }

    @Test
    void differentKeysOrNoKeyAreNotTakenForRepeats() {
        byte[] body = WebhookCalls.body("crm-contact-3", "Is the shop open on Sunday?", CALLBACK);
        String a = WebhookCalls.postSigned(body, "crm-msg-1").then().statusCode(201).extract().path("id");
        String b = WebhookCalls.postSigned(body, "crm-msg-2").then().statusCode(201).extract().path("id");
        String c = WebhookCalls.postSigned(body).then().statusCode(201).extract().path("id");
        String d = WebhookCalls.postSigned(body).then().statusCode(201).extract().path("id");
        // Every call is a message of its own; from one contact with a request open, they are one conversation.
        assertEquals(1, List.of(a, b, c, d).stream().distinct().count());
        as("admin").get("/api/requests/" + a).then().body("messages", hasSize(4));
        assertEquals(1, WebhookCalls.storedRequests());
    }

    @Test
    void theSameKeySentAtOnceFromSeveralThreadsStillMakesOneRequest() throws Exception {
        byte[] body = WebhookCalls.body("crm-contact-4", "My card was charged twice", CALLBACK);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = IntStream.range(0, 6).<Callable<String>>mapToObj(i -> () -> {
                Response response = WebhookCalls.postSigned(body, "crm-msg-race");
                assertEquals(201, response.statusCode(), response.asString());
                return response.path("id");
            }).toList();
            List<String> ids = callers.invokeAll(calls).stream().map(WebhookIdempotencyTest::result).toList();
            assertEquals(1, ids.stream().distinct().count(), "ids: " + ids);
            assertNotEquals(null, ids.get(0));
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, WebhookCalls.storedRequests());
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
