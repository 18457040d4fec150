package dev.nohold.channel.sms;

import dev.nohold.core.channel.limits.EndpointBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The SMS webhooks' body limit, far below the platform-wide one (sized for voice notes): Twilio never sends more
 * than a text and its fields. The core refuses a larger body before its signature is checked or anything is stored.
 */
@ApplicationScoped
public class WebhookSizeLimit {

    @Produces
    @Singleton
    EndpointBodyLimit smsWebhooks(SmsConfig config) {
        return new EndpointBodyLimit("/channels/sms/", config.maxWebhookBytes(), "an SMS webhook");
    }
}
