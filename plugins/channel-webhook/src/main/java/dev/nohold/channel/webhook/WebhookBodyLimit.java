package dev.nohold.channel.webhook;

import dev.nohold.core.channel.limits.EndpointBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The webhook channel's {@code nohold.webhook.max-body-size}, applied by the core to an announced body before a byte
 * is read; {@link WebhookIntake} checks the bytes again, for a chunked body that announced no length.
 */
@ApplicationScoped
public class WebhookBodyLimit {

    @Produces
    @Singleton
    EndpointBodyLimit webhookIntake(WebhookConfig config) {
        return new EndpointBodyLimit("/channels/webhook/", config.maxBodySize().asLongValue(), "this channel");
    }
}
