package dev.nohold.channel.sms;

import dev.nohold.core.api.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

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
    public Optional<Response> limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/channels/sms/") || request.getLength() <= 0
                || request.getLength() <= config.maxWebhookBytes()) {
            return Optional.empty();
        }
        return Optional.of(Response.status(413).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("The body is " + request.getLength() + " bytes; an SMS webhook takes at most "
                        + config.maxWebhookBytes()))
                .build());
    }
}
