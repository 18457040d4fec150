package dev.nohold.channel.sms;

import dev.nohold.core.Refusal;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body to the SMS webhooks larger than Twilio ever sends, before its signature is checked or anything is
 * stored: the platform-wide limit is sized for voice notes, far beyond a text message.
 */
public class WebhookSizeLimit {

    private final SmsConfig config;

    public WebhookSizeLimit(SmsConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/channels/sms/") && request.getLength() > config.maxWebhookBytes()) {
            throw Refusal.tooLarge("The body is " + request.getLength() + " bytes; an SMS webhook takes at most "
                    + config.maxWebhookBytes());
        }
    }
}
