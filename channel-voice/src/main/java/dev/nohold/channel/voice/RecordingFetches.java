package dev.nohold.channel.voice;

import dev.nohold.twilio.AudioFetches;
import dev.nohold.twilio.TwilioMedia;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Callers' recordings, fetched from Twilio as WAV ({@code RecordingUrl} + {@code .wav}) after the webhook is answered,
 * by the Twilio module's {@link AudioFetches}; this class says what to fetch and with which limits, and takes up
 * recordings whose fetch was interrupted.
 */
@ApplicationScoped
public class RecordingFetches {

    static final String RECORDING_URL = "recordingUrl";
    private static final Duration STALE = Duration.ofSeconds(30);
    // A Twilio recording is 8 kHz 16-bit PCM: 16 kB a second mono; twice that leaves room for a two-channel one.
    private static final long BYTES_PER_SECOND = 32_000;

    private final AudioFetches fetches;
    private final VoiceConfig config;

    public RecordingFetches(AudioFetches fetches, VoiceConfig config) {
        this.fetches = fetches;
        this.config = config;
    }

    /** Starts fetching the recording of a stored request, unless this node is already at it. */
    public void fetchSoon(UUID requestId, String recordingUrl) {
        fetches.fetchSoon(requestId, fetchOf(recordingUrl));
    }

    /** Takes up the recordings of voice requests that have waited for theirs too long. */
    public void resumeInterrupted() {
        fetches.resume(IncomingCalls.CHANNEL, STALE, request ->
                Optional.ofNullable(request.attributes().get(RECORDING_URL)).map(this::fetchOf));
    }

    private AudioFetches.Fetch fetchOf(String recordingUrl) {
        long maxBytes = (config.maxRecordSeconds() + 10L) * BYTES_PER_SECOND;
        return new AudioFetches.Fetch(recordingUrl + ".wav",
                new TwilioMedia.Limits(config.recordingFetchTimeout(), config.recordingFetchAttempts(), maxBytes),
                "Caller left a voice message that could not be fetched from Twilio (%s): please call back");
    }
}
