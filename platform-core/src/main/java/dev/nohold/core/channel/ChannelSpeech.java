package dev.nohold.core.channel;

import dev.nohold.core.speech.AudioNormalizer;
import dev.nohold.core.speech.NormalizedAudio;
import dev.nohold.core.speech.SpeechConfig;
import dev.nohold.core.speech.SpeechRecognizer;
import dev.nohold.core.speech.Transcript;
import dev.nohold.core.speech.UnusableAudio;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A channel's door to speech recognition while the customer waits for the answer (a caller's spoken answer to a
 * conversation flow, when the provider's own recognition is not wanted): the same normalizing ({@link AudioNormalizer})
 * and engine ({@link SpeechRecognizer}, Vosk by default) that transcribe requests' recordings, run on the caller's
 * thread. Anything short of words (audio that cannot be read, silence, the model still loading or failed, too many
 * transcriptions at once) is empty, with the reason logged: the channel treats it as nothing said.
 *
 * <p>At most {@code nohold.speech.threads} (default: the cores) run at once, beside the request transcriptions: each
 * takes a core for about 0.7 s per second of audio on the reference machine (README, speech benchmark), so a
 * channel bounds the length it records by the time its provider waits.
 */
@ApplicationScoped
public class ChannelSpeech {

    /** The words heard, and the mean of the words' confidences (0 to 1, null when the engine gives none). */
    public record Heard(String words, Double confidence, double seconds) {
    }

    private static final Logger LOG = Logger.getLogger(ChannelSpeech.class);
    /** The longest wait for a free slot: a caller on the line is better asked again than kept waiting. */
    private static final long SLOT_WAIT_MILLIS = 1_000;

    private final SpeechRecognizer recognizer;
    private final AudioNormalizer normalizer;
    private final Semaphore slots;

    public ChannelSpeech(SpeechRecognizer recognizer, AudioNormalizer normalizer, SpeechConfig config) {
        this.recognizer = recognizer;
        this.normalizer = normalizer;
        this.slots = new Semaphore(config.workerCount());
    }

    /**
     * The words said in {@code audio} (WAV, or a format the platform decodes) in {@code language} (a BCP 47 tag, null
     * when unknown), or empty when none could be heard; {@code context} names the contact in the log lines.
     */
    public Optional<Heard> transcribe(byte[] audio, String language, String context) {
        if (recognizer.state() != SpeechRecognizer.State.READY) {
            LOG.infof("%s: not transcribed, speech recognition is %s", context,
                    recognizer.state() == SpeechRecognizer.State.LOADING ? "still loading its model"
                            : "unavailable (" + recognizer.failure() + ")");
            return Optional.empty();
        }
        try {
            if (!slots.tryAcquire(SLOT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s: not transcribed, every speech slot is busy", context);
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            NormalizedAudio normalized = normalizer.normalize(audio);
            Transcript transcript = recognizer.recognize(normalized, language);
            LOG.infof("%s: %d words heard in %.1f s of %s in %.2f s", context, transcript.words().size(),
                    normalized.seconds(), normalized.source(), (System.nanoTime() - started) / 1e9);
            return transcript.isEmpty() ? Optional.empty()
                    : Optional.of(new Heard(transcript.text(), transcript.confidence(), normalized.seconds()));
        } catch (UnusableAudio | CancellationException e) {
            LOG.infof("%s: not transcribed: %s", context, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // The engine failing on one recording is that caller's silence, not an error for the provider to retry.
            LOG.warnf(e, "%s: not transcribed, the speech engine failed", context);
            return Optional.empty();
        } finally {
            slots.release();
        }
    }
}
