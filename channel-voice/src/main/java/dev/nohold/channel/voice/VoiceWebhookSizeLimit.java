package dev.nohold.channel.voice;

import dev.nohold.core.channel.limits.EndpointBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The voice webhooks' body limit ({@code nohold.voice.max-webhook-bytes}), far below the platform-wide one: the core
 * refuses a larger announced body before its signature is checked or a byte of it is read.
 */
@ApplicationScoped
public class VoiceWebhookSizeLimit {

    @Produces
    @Singleton
    EndpointBodyLimit voiceWebhooks(VoiceConfig config) {
        return new EndpointBodyLimit(VoicePaths.INCOMING, config.maxWebhookBytes(), "a voice webhook");
    }
}
