package dev.nohold.channel.webhook;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core's outbox retries what the webhook channel reports as transient and stops at what it reports as
 * permanent; the test configuration backs off from 200 ms to at most 1 s and gives up after 3 s.
 */
@QuarkusTest
class WebhookDeliveryRetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    DataSource dataSource;

    private CallbackReceiver receiver;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aReceiverAnswering503IsRetriedWithGrowingWaitsUntilItAnswers2xx() throws Exception {
        receiver = CallbackReceiver.start().answering(503, 503);
        String id = WebhookCalls.submitAndAnswer(receiver.url(), "carol");

        await().atMost(PATIENCE).untilAsserted(() -> as("carol").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED")));
        as("carol").get("/api/requests/" + id).then()
                .body("deliveries[0].status", equalTo("DELIVERED"))
                .body("deliveries[0].attempts", equalTo(3))
                .body("deliveries[0].error", nullValue())
                .body("events.findAll { it.type == 'DELIVERY_ATTEMPT' }.detail", hasItem(containsString("HTTP 503")));

        List<CallbackReceiver.Call> calls = receiver.calls();
        assertEquals(3, calls.size());
        assertEquals(List.of("1", "2", "3"), calls.stream().map(c -> c.header("x-nohold-attempt")).toList());
        assertEquals(1, calls.stream().map(c -> c.header("idempotency-key")).distinct().count(),
                "every attempt carries the same idempotency key, so the receiver can drop repeats");
        Duration firstWait = Duration.between(calls.get(0).at(), calls.get(1).at());
        Duration secondWait = Duration.between(calls.get(1).at(), calls.get(2).at());
        assertTrue(firstWait.compareTo(Duration.ofMillis(200)) >= 0, "first retry waited " + firstWait);
        assertTrue(secondWait.compareTo(Duration.ofMillis(400)) >= 0, "second retry waited " + secondWait);
    }

    @Test
    void aReceiverThatIsDownIsRetriedUntilItComesBack() throws Exception {
        int port;
        try (CallbackReceiver probe = CallbackReceiver.start()) {
            port = probe.port();
        }
        String id = WebhookCalls.submitAndAnswer("http://127.0.0.1:" + port + "/nohold/answers", "dave");

        await().atMost(PATIENCE).untilAsserted(() -> as("dave").get("/api/requests/" + id).then()
                .body("status", equalTo("ANSWERED"))
                .body("deliveries[0].status", equalTo("PENDING"))
                .body("deliveries[0].attempts", greaterThan(0))
                .body("deliveries[0].error", startsWith("The callback URL could not be reached")));

        receiver = CallbackReceiver.startOn(port);
        await().atMost(PATIENCE).untilAsserted(() -> as("dave").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED"))
                .body("deliveries[0].status", equalTo("DELIVERED")));
        assertEquals(1, receiver.calls().size());
    }

    @Test
    void aReceiverThatNeverAnswers2xxEndsFailedWithTheReason() throws Exception {
        receiver = CallbackReceiver.start().otherwise(503);
        String id = WebhookCalls.submitAndAnswer(receiver.url(), "erin");

        await().atMost(PATIENCE).untilAsserted(() -> as("erin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERY_FAILED")));
        as("erin").get("/api/requests/" + id).then()
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].attempts", greaterThan(1))
                .body("deliveries[0].error", allOf(startsWith("gave up after"), containsString("HTTP 503"),
                        containsString("receiver says 503")))
                .body("events[-1].type", equalTo("DELIVERY_FAILED"));
        assertTrue(receiver.calls().size() > 1);
    }

    @Test
    void aReceiverThatRefusesWith4xxFailsAtOnceWithoutRetrying() throws Exception {
        receiver = CallbackReceiver.start().otherwise(404);
        String id = WebhookCalls.submitAndAnswer(receiver.url(), "frank");

        await().atMost(PATIENCE).untilAsserted(() -> as("frank").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERY_FAILED")));
        as("frank").get("/api/requests/" + id).then()
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].attempts", equalTo(1))
                .body("deliveries[0].error", startsWith("The callback URL answered HTTP 404"));
        assertEquals(1, receiver.calls().size());
    }
}
