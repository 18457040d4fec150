package dev.nohold.channel.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.JournalReceipt;
import dev.nohold.core.channel.limits.IntakeLimits;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a signed webhook call into a request. Every check runs before the text is journaled, cheapest first, so a
 * refused call stores nothing and an unsigned one is never parsed. The rate limit (per customer {@code from} and per
 * calling client) is counted after the signature check: an unsigned flood costs no database write.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    /** The longest key the request table keeps ({@code provider_message_id}). */
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_URL_LENGTH = 2000;
    /** The window the journal measures the pace of assignments over; this channel's answer tells no wait. */
    private static final Duration PACE_WINDOW = Duration.ofMinutes(15);

    private final WebhookSigning signing;
    private final WebhookConfig config;
    private final ObjectReader json;
    private final ChannelRequests requests;
    private final IntakeLimits limits;

    public WebhookIntake(WebhookSigning signing, WebhookConfig config, ObjectMapper mapper, ChannelRequests requests,
                         IntakeLimits limits) {
        this.signing = signing;
        this.config = config;
        // Trailing garbage after the object means the caller's body is not what they think it is.
        this.json = mapper.readerFor(WebhookMessage.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.requests = requests;
        this.limits = limits;
    }

    /** A call whose client is not known (not counted per client). */
    public JournalReceipt submit(byte[] body, String signature, String idempotencyKey) {
        return submit(body, signature, idempotencyKey, null);
    }

    /**
     * Takes the call's text through the core's intake journal: stored, and counted against its customer's rate limit,
     * in one statement; a request (or a part of the customer's open one) moments later, with the id and reference
     * answered now.
     *
     * @param body           the raw bytes as received: what the signature covers
     * @param signature      the {@code X-Nohold-Signature} header, or null
     * @param idempotencyKey the caller's {@code Idempotency-Key}, or null
     * @param client         the caller's network address, counted toward {@code nohold.limits.per-client}, or null
     */
    public JournalReceipt submit(byte[] body, String signature, String idempotencyKey, String client) {
        WebhookSignature signer = signing.required();
        checkSize(body);
        checkSignature(signer, signature, body);
        WebhookMessage message = parse(body);
        // The customer's own limit is counted by the journal's statement; the client's here.
        limits.admit(WebhookChannel.ID, null, client).orRefuse();
        // Without the caller's key a call is its own message: a key of ours, which no retry can repeat.
        String key = idempotencyKey != null ? checkKey(idempotencyKey) : "nohold:" + UUID.randomUUID();
        JournalReceipt receipt = requests.journal(InboundMessage.from(WebhookChannel.ID, message.from().strip())
                .text(message.text())
                .attributes(Map.of(WebhookChannel.CALLBACK_URL, message.callbackUrl().strip()))
                .providerMessageId(key, sha256(body))
                .build(), PACE_WINDOW);
        receipt.admission().orRefuse();
        if (receipt.repeated()) {
            LOG.infof("Webhook call repeated with Idempotency-Key: answered with request %s", receipt.reference());
        }
        return receipt;
    }

    private void checkSize(byte[] body) {
        long limit = config.maxBodySize().asLongValue();
        if (body.length > limit) {
            throw Refusal.tooLarge("The body is " + body.length + " bytes; this channel takes at most " + limit);
        }
    }

    private static void checkSignature(WebhookSignature signer, String header, byte[] body) {
        switch (signer.verify(header, body)) {
            case VALID -> { }
            case MISSING -> throw Refusal.unauthorized("Sign the body: send " + WebhookSignature.HEADER
                    + ": sha256=<hex HMAC-SHA256 of the raw body with the shared secret>");
            case MALFORMED -> throw Refusal.forbidden(WebhookSignature.HEADER
                    + " must read sha256=<64 hex digits>");
            case MISMATCH -> throw Refusal.forbidden(WebhookSignature.HEADER
                    + " does not match the body: sign the exact bytes sent, with the shared secret");
        }
    }

    private WebhookMessage parse(byte[] body) {
        WebhookMessage message;
        try {
            message = json.readValue(body);
        } catch (JacksonException e) {
            throw Refusal.badInput("The body is not the JSON this call takes ({\"from\", \"text\", \"callbackUrl\"}): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw Refusal.badInput("The body could not be read: " + e.getMessage());
        }
        if (message == null) {
            throw Refusal.badInput("The body must be a JSON object with \"from\", \"text\" and \"callbackUrl\"");
        }
        if (blank(message.from())) {
            throw Refusal.badInput("\"from\" is missing: say who is asking (their id in your system)");
        }
        if (blank(message.text())) {
            throw Refusal.badInput("\"text\" is missing: say what the customer asked");
        }
        checkCallbackUrl(message.callbackUrl());
        return message;
    }

    private static void checkCallbackUrl(String url) {
        if (blank(url)) {
            throw Refusal.badInput("\"callbackUrl\" is missing: say where the answer should be posted");
        }
        String reason = callbackUrlProblem(url.strip());
        if (reason != null) {
            throw Refusal.badInput("\"callbackUrl\" " + reason + ": give an absolute http:// or https:// URL");
        }
    }

    private static String callbackUrlProblem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return "is longer than " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL (" + e.getReason() + ")";
        }
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            return "is not an http(s) URL";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "has no host";
        }
        if (uri.getRawUserInfo() != null) {
            // The JDK client would not send them, and a secret in a stored URL shows in every log of it.
            return "must not carry credentials";
        }
        return null;
    }

    private static String checkKey(String key) {
        String trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_KEY_LENGTH) {
            throw Refusal.badInput("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return trimmed;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
