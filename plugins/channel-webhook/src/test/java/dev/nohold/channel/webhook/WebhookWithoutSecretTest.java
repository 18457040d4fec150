package dev.nohold.channel.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.Refusal;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.OutboundReply;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Until the operator sets {@code nohold.webhook.secret} (or sets it blank), the channel takes nothing in, signed or
 * not, and sends nothing out unsigned. A plain unit test: the core's test database cannot be started twice in one
 * run, which a Quarkus test profile without the secret would need.
 */
class WebhookWithoutSecretTest {

    private static final byte[] BODY = WebhookCalls.body("crm-contact-1", "Hello?", "https://crm.example/answers");

    @Test
    void everyIntakeIs503BeforeAnythingReachesTheCore() {
        for (Optional<String> secret : List.of(Optional.<String>empty(), Optional.of("  "))) {
            WebhookConfig config = config(secret);
            // No Intake and no limits at all: reaching the core would fail with a NullPointerException, not the refusal.
            WebhookIntake intake = new WebhookIntake(new WebhookSigning(config), config, new ObjectMapper(), null,
                    null);

            Refusal signed = assertThrows(Refusal.class,
                    () -> intake.submit(BODY, new WebhookSignature("anything").sign(BODY), null));
            Refusal unsigned = assertThrows(Refusal.class, () -> intake.submit(BODY, null, "key-1"));
            assertEquals(503, signed.status());
            assertEquals(503, unsigned.status());
            assertTrue(signed.getMessage().contains("nohold.webhook.secret"), signed.getMessage());
        }
    }

    @Test
    void anAnswerIsNotSentUnsignedButFailsForGoodWithTheReason() throws Exception {
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            WebhookConfig config = config(Optional.empty());
            WebhookChannel channel = new WebhookChannel(new WebhookSigning(config), config, new ObjectMapper());
            OutboundReply reply = new OutboundReply(UUID.randomUUID(), 1, UUID.randomUUID(), "K7Q2XD",
                    WebhookChannel.ID, "crm-contact-1", "Hi", null, null, "alice", Instant.now(), null,
                    Map.of(WebhookChannel.CALLBACK_URL, receiver.url()));

            DeliveryException failure = assertThrows(DeliveryException.class, () -> channel.deliver(reply));
            assertFalse(failure.retryable());
            assertTrue(failure.getMessage().contains("nohold.webhook.secret"), failure.getMessage());
            assertTrue(receiver.calls().isEmpty());
            channel.close();
        }
    }

    @Test
    void theChannelSaysItIsNotConfiguredUntilTheSecretIsSet() {
        WebhookConfig without = config(Optional.empty());
        WebhookChannel unset = new WebhookChannel(new WebhookSigning(without), without, new ObjectMapper());
        assertEquals(Optional.of("nohold.webhook.secret is not set"), unset.missingConfiguration());
        assertFalse(unset.configured());
        unset.close();

        WebhookConfig with = config(Optional.of("s3cret"));
        WebhookChannel set = new WebhookChannel(new WebhookSigning(with), with, new ObjectMapper());
        assertTrue(set.configured());
        set.close();
    }

    private static WebhookConfig config(Optional<String> secret) {
        return new WebhookConfig() {
            @Override
            public Optional<String> secret() {
                return secret;
            }

            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.valueOf(64 * 1024));
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration callbackTimeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
