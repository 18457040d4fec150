package dev.nohold.channel.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The template channel: a made-up provider posts customers' messages to {@link TemplateResource}, and answers go
 * to the provider's API, one POST each. The core finds this bean by its interface; it retries, backs off, gives up
 * and falls back on its own: the channel only says, truthfully, how each attempt went.
 */
@ApplicationScoped
public class TemplateChannel implements Channel {

    public static final String ID = "template";

    private final TemplateConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public TemplateChannel(TemplateConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Template";
    }

    @Override
    public Optional<String> missingConfiguration() {
        return config.missing();
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        String url = config.apiUrl().orElseThrow(() -> DeliveryException.permanentFailure(
                "The template channel is not configured: nohold.template.api-url is not set"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                // Stable across the core's retries of this reply: the provider drops a repeat.
                .header("Idempotency-Key", reply.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(reply)))
                .build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(reply.deliveryId().toString());
        }
        String reason = "The provider answered HTTP " + status + ": " + response.body();
        if (status == 429 || status >= 500) {
            throw DeliveryException.transientFailure(reason);
        }
        throw DeliveryException.permanentFailure(reason);
    }

    private HttpResponse<String> send(HttpRequest request) throws DeliveryException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.transientFailure("The provider could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("Interrupted while sending; will try again", e);
        }
    }

    private byte[] body(OutboundReply reply) throws DeliveryException {
        try {
            return json.writeValueAsBytes(Map.of("to", reply.to(), "text", reply.text() == null ? "" : reply.text(),
                    "reference", reply.reference()));
        } catch (JsonProcessingException e) {
            throw DeliveryException.permanentFailure("The answer could not be written as JSON: " + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
