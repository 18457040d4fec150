package dev.nohold.channel.webhook;

import dev.nohold.core.Refusal;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/** The channel's signer, made once from {@code nohold.webhook.secret}; without a secret the channel is closed. */
@ApplicationScoped
public class WebhookSigning {

    private static final Logger LOG = Logger.getLogger(WebhookSigning.class);

    private final Optional<WebhookSignature> signature;

    public WebhookSigning(WebhookConfig config) {
        this.signature = config.secret().filter(secret -> !secret.isBlank()).map(WebhookSignature::new);
    }

    void announce(@Observes StartupEvent start) {
        if (signature.isEmpty()) {
            LOG.warn("nohold.webhook.secret is not set: the webhook channel refuses every call until it is");
        }
    }

    public Optional<WebhookSignature> signature() {
        return signature;
    }

    /** The signer, or the 503 a caller gets while the operator has not configured the channel. */
    public WebhookSignature required() {
        return signature.orElseThrow(() -> Refusal.unavailable(
                "The webhook channel is not configured yet: the operator must set nohold.webhook.secret"));
    }
}
