package dev.nohold.channel.sms;

import dev.nohold.twilio.AudioFetches;
import dev.nohold.twilio.TwilioMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * MMS voice messages, fetched from Twilio after the webhook is answered by the Twilio module's {@link AudioFetches}
 * (only from the Twilio API host, with the account's credentials, within {@code nohold.sms.media-*}); this class says
 * what to fetch and takes up voice messages whose fetch was interrupted.
 */
@ApplicationScoped
public class VoiceMessages {

    static final String MEDIA_URL = "mediaUrl";
    private static final Duration STALE = Duration.ofSeconds(30);

    /** A request made from an MMS voice message was stored; its audio is to be fetched once that commits. */
    public record Stored(UUID requestId, String mediaUrl) {
    }

    private final AudioFetches fetches;
    private final SmsConfig config;

    public VoiceMessages(AudioFetches fetches, SmsConfig config) {
        this.fetches = fetches;
        this.config = config;
    }

    // After the commit, so the fetching thread finds the request the webhook's transaction made.
    void fetchOnceStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stored stored) {
        fetches.fetchSoon(stored.requestId(), fetchOf(stored.mediaUrl()));
    }

    /** Takes up the voice messages of SMS requests that have waited for theirs too long. */
    public void resumeInterrupted() {
        fetches.resume(SmsInbound.CHANNEL, STALE, request ->
                Optional.ofNullable(request.attributes().get(MEDIA_URL)).map(this::fetchOf));
    }

    private AudioFetches.Fetch fetchOf(String mediaUrl) {
        return new AudioFetches.Fetch(mediaUrl,
                new TwilioMedia.Limits(config.mediaFetchTimeout(), config.mediaFetchAttempts(), config.mediaMaxBytes()),
                "The customer sent a voice message that could not be fetched from Twilio (%s): please text them");
    }
}
