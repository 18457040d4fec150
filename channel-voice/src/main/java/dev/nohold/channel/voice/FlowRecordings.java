package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelSpeech;
import dev.nohold.twilio.TwilioMedia;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * A caller's spoken answer to a flow's question, recorded because Twilio's speech recognition is not wanted
 * ({@code flow-speech=none}): fetched from Twilio as WAV and transcribed by the platform's own recognizer
 * ({@link ChannelSpeech}) while Twilio waits, then given to the flow as the turn's input by {@link FlowCalls#turn}, with
 * its bookkeeping (a retried callback gets the stored answer; the flow advances once). A recording that cannot be
 * fetched or heard counts as silence: the flow asks again, then the caller leaves an ordinary recording.
 *
 * <p>Twilio gives up on a webhook after 15 s. The worst case here: two fetch attempts of {@link #FETCH_TIMEOUT} with
 * a 0.2 s pause (about 4 s), up to 1 s waiting for a free recognizer, and transcribing at most
 * {@code flow-record-seconds} (10 s by default, about 7 s of work): near 12 s.
 */
@ApplicationScoped
public class FlowRecordings {

    private static final Logger LOG = Logger.getLogger(FlowRecordings.class);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
    private static final int FETCH_ATTEMPTS = 2;
    // Twilio's recording is 8 kHz 16-bit PCM mono, 16 kB a second; a few seconds' room for its header and rounding.
    private static final long BYTES_PER_SECOND = 16_000;

    private final FlowCalls flowCalls;
    private final TwilioMedia media;
    private final ChannelSpeech speech;
    private final VoiceConfig config;

    public FlowRecordings(FlowCalls flowCalls, TwilioMedia media, ChannelSpeech speech, VoiceConfig config) {
        this.flowCalls = flowCalls;
        this.media = media;
        this.speech = speech;
        this.config = config;
    }

    /** The caller recorded their answer to turn {@code turn} (after {@code silence} quiet turns): its TwiML answer. */
    public String heard(TwilioCall call, int turn, int silence) {
        Optional<String> before = flowCalls.answeredBefore(call.callSid(), turn);
        if (before.isPresent()) {
            LOG.infof("Call %s: recorded turn %d again, answered as before (Twilio retried)", call.callSid(), turn);
            return before.get();
        }
        String words = words(call, turn).orElse(null);
        return flowCalls.turn(call, turn, silence, null, words);
    }

    private Optional<String> words(TwilioCall call, int turn) {
        String context = "Call " + call.callSid() + ", turn " + turn;
        if (!call.hasRecording()) {
            LOG.infof("%s: the recording callback names no recording, or an empty one; taken as silence", context);
            return Optional.empty();
        }
        long maxBytes = (config.flowRecordSeconds() + 5L) * BYTES_PER_SECOND;
        TwilioMedia.Download download = media.fetch(call.recordingUrl() + ".wav",
                new TwilioMedia.Limits(FETCH_TIMEOUT, FETCH_ATTEMPTS, maxBytes));
        if (!download.succeeded()) {
            LOG.warnf("%s: the recorded answer could not be fetched (%s); taken as silence", context,
                    download.failure());
            return Optional.empty();
        }
        return speech.transcribe(download.bytes(), config.language(), context).map(ChannelSpeech.Heard::words);
    }
}
