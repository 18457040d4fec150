package dev.nohold.channel.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.IsoTime;
import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The generic webhook channel: CRMs and apps post signed requests to {@link WebhookResource} and get each answer
 * posted, signed the same way, to the callback URL they gave. Found by the core as a {@link Channel} bean.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {

    public static final String ID = "webhook";
    /** The request attribute holding where the answer goes, stored at intake. */
    static final String CALLBACK_URL = "callbackUrl";

    private static final Logger LOG = Logger.getLogger(WebhookChannel.class);

    private final WebhookSigning signing;
    private final CallbackSender sender;

    public WebhookChannel(WebhookSigning signing, WebhookConfig config, ObjectMapper json) {
        this.signing = signing;
        this.sender = new CallbackSender(json, config.connectTimeout(), config.callbackTimeout());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Webhook";
    }

    @Override
    public String icon() {
        return "\uD83D\uDD17";
    }

    /** Without the shared secret no call can be checked and no answer signed: the channel refuses everything. */
    @Override
    public Optional<String> missingConfiguration() {
        return signing.signature().isPresent() ? Optional.empty() : Optional.of("nohold.webhook.secret is not set");
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        String url = reply.attributes().get(CALLBACK_URL);
        if (url == null || url.isBlank()) {
            throw DeliveryException.permanentFailure("The request has no callback URL to post the answer to");
        }
        // Without the secret the answer could not be signed, and an unsigned answer is one the receiver must refuse.
        WebhookSignature signer = signing.signature().orElseThrow(() -> DeliveryException.permanentFailure(
                "nohold.webhook.secret is not set, so the answer cannot be signed"));
        WebhookCallback callback = new WebhookCallback(reply.requestId(), reply.reference(), reply.text(), reply.by(),
                IsoTime.format(reply.at()));
        sender.post(url, callback, signer, reply.deliveryId(), reply.attempt());
        LOG.infof("Answer to webhook request %s delivered (attempt %d)", reply.reference(), reply.attempt());
        return DeliveryResult.delivered(reply.deliveryId().toString());
    }

    @PreDestroy
    void close() {
        sender.close();
    }
}
