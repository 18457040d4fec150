package dev.nohold.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.channel.DeliveryException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

/**
 * Makes one signed POST of an answer to a caller's callback URL and says truthfully how it went: only a 2xx is a
 * delivery; what may pass later (no connection, a timeout, 408, 425, 429, 5xx) is transient; anything else is
 * permanent with the status in the reason. Retrying is the core outbox's job, not this class's.
 */
public class CallbackSender implements AutoCloseable {

    static final String DELIVERY_HEADER = "X-Nohold-Delivery";
    static final String ATTEMPT_HEADER = "X-Nohold-Attempt";
    static final String USER_AGENT = "Nohold-Webhook/1";
    private static final int REASON_SNIPPET = 200;

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    public CallbackSender(ObjectMapper json, Duration connectTimeout, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A signed POST is not replayed to wherever a redirect points; the receiver must give its real URL.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: no h2c upgrade dance that some small receivers mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @param deliveryId stable across retries of one answer: sent as {@code Idempotency-Key} and
     *                   {@code X-Nohold-Delivery} so the receiver can drop a repeat
     */
    public void post(String callbackUrl, WebhookCallback callback, WebhookSignature signer, UUID deliveryId, int attempt)
            throws DeliveryException {
        byte[] body = serialize(callback);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(callbackUrl))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.HEADER, signer.sign(body))
                    .header(DELIVERY_HEADER, deliveryId.toString())
                    .header(ATTEMPT_HEADER, Integer.toString(attempt))
                    .header(WebhookResource.IDEMPOTENCY_KEY, deliveryId.toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanentFailure("The callback URL cannot be called: " + e.getMessage());
        }
        outcome(send(request));
    }

    private HttpResponse<String> send(HttpRequest request) throws DeliveryException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.transientFailure("The callback URL did not answer within " + describe(e), e);
        } catch (IOException e) {
            throw DeliveryException.transientFailure("The callback URL could not be reached: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("Interrupted while calling back; will try again", e);
        }
    }

    private static void outcome(HttpResponse<String> response) throws DeliveryException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = "The callback URL answered HTTP " + status + snippet(response.body());
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw DeliveryException.transientFailure(reason);
        }
        throw DeliveryException.permanentFailure(reason);
    }

    private byte[] serialize(WebhookCallback callback) throws DeliveryException {
        try {
            return json.writeValueAsBytes(callback);
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanentFailure("The answer could not be written as JSON: " + e.getMessage());
        }
    }

    /** The start of what the receiver said, so an agent reading the failure sees why without the receiver's logs. */
    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > REASON_SNIPPET ? flat.substring(0, REASON_SNIPPET) + "…" : flat);
    }

    private String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return timeout.toMillis() + " ms";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    @Override
    public void close() {
        http.close();
    }
}
