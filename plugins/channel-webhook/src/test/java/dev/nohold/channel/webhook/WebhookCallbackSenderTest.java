package dev.nohold.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.channel.DeliveryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One callback attempt, against a real HTTP receiver: what counts as delivered, what may be retried, what not. */
class WebhookCallbackSenderTest {

    private static final WebhookSignature SIGNER = new WebhookSignature("callback-secret");
    private static final WebhookCallback ANSWER = new WebhookCallback(UUID.randomUUID(), "K7Q2XD",
            "Your parcel left today.", "alice", "2026-11-27T10:15:30.123Z");

    private final ObjectMapper json = new ObjectMapper();
    private final CallbackSender sender = new CallbackSender(json, Duration.ofSeconds(1), Duration.ofMillis(500));
    private CallbackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = CallbackReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        sender.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void a2xxIsADeliveryOfTheSignedAnswer(int status) throws Exception {
        receiver.otherwise(status);
        UUID deliveryId = UUID.randomUUID();
        assertDoesNotThrow(() -> sender.post(receiver.url(), ANSWER, SIGNER, deliveryId, 2));

        CallbackReceiver.Call call = receiver.calls().get(0);
        assertEquals(WebhookSignature.Verdict.VALID, SIGNER.verify(call.header("x-nohold-signature"), call.body()));
        JsonNode body = json.readTree(call.body());
        assertEquals("K7Q2XD", body.get("reference").asText());
        assertEquals("Your parcel left today.", body.get("text").asText());
        assertEquals("alice", body.get("by").asText());
        assertEquals("2026-11-27T10:15:30.123Z", body.get("at").asText());
        assertEquals(deliveryId.toString(), call.header("idempotency-key"));
        assertEquals(deliveryId.toString(), call.header("x-nohold-delivery"));
        assertEquals("2", call.header("x-nohold-attempt"));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void aBusyOrBrokenReceiverIsATransientFailure(int status) {
        receiver.otherwise(status);
        DeliveryException failure = assertThrows(DeliveryException.class, this::post);
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("HTTP " + status), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 400, 401, 403, 404, 410, 422})
    void aRefusalOrRedirectIsPermanentWithTheStatusAndTheReceiversWords(int status) {
        receiver.otherwise(status);
        DeliveryException failure = assertThrows(DeliveryException.class, this::post);
        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().startsWith("The callback URL answered HTTP " + status), failure.getMessage());
        assertTrue(failure.getMessage().contains("receiver says " + status), failure.getMessage());
    }

    @Test
    void aReceiverThatIsDownIsATransientFailure() {
        String url = receiver.url();
        receiver.close();
        DeliveryException failure = assertThrows(DeliveryException.class,
                () -> sender.post(url, ANSWER, SIGNER, UUID.randomUUID(), 1));
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().startsWith("The callback URL could not be reached"), failure.getMessage());
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsATransientFailure() {
        receiver.stalling(Duration.ofSeconds(3));
        long start = System.nanoTime();
        DeliveryException failure = assertThrows(DeliveryException.class, this::post);
        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("did not answer within 500 ms"), failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0,
                "the attempt ended at the timeout, not when the receiver answered");
    }

    @Test
    void aUrlTheClientCannotCallIsAPermanentFailure() {
        DeliveryException failure = assertThrows(DeliveryException.class,
                () -> sender.post("http://crm.example/an swer", ANSWER, SIGNER, UUID.randomUUID(), 1));
        assertFalse(failure.retryable());
    }

    private void post() throws DeliveryException {
        sender.post(receiver.url(), ANSWER, SIGNER, UUID.randomUUID(), 1);
    }
}
