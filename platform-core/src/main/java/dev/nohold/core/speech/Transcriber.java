package dev.nohold.core.speech;

import dev.nohold.core.media.MediaStore;
import dev.nohold.core.request.Lifecycle;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs transcriptions: claims waiting recordings for as many workers as are free (one per core by default), turns
 * each into text on its own worker and hands the outcome to the {@link Lifecycle}. Every recording ends QUEUED:
 * with its text, or with the reason there is none and its audio kept.
 */
@ApplicationScoped
public class Transcriber {

    private static final Logger LOG = Logger.getLogger(Transcriber.class);

    private final TranscriptionClaim claim;
    private final SpeechRecognizer recognizer;
    private final AudioNormalizer normalizer;
    private final MediaStore media;
    private final Lifecycle lifecycle;
    private final ProducerTemplate routes;
    private final SpeechConfig config;
    private final int workerCount;
    private final ExecutorService workers;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();
    private final DistributionSummary realTimeFactor;

    public Transcriber(TranscriptionClaim claim, SpeechRecognizer recognizer, AudioNormalizer normalizer,
                       MediaStore media, Lifecycle lifecycle, ProducerTemplate routes, SpeechConfig config,
                       MeterRegistry metrics) {
        this.claim = claim;
        this.recognizer = recognizer;
        this.normalizer = normalizer;
        this.media = media;
        this.lifecycle = lifecycle;
        this.routes = routes;
        this.config = config;
        this.workerCount = config.workerCount();
        this.workers = Executors.newFixedThreadPool(workerCount, Thread.ofPlatform().name("transcriber-", 1).factory());
        this.realTimeFactor = DistributionSummary.builder("nohold.speech.real.time.factor")
                .description("Time spent transcribing a recording divided by its length (lower is faster)")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /** Starts as many waiting recordings as there are free workers; until the engine has loaded, they wait. */
    public synchronized void startDue() {
        if (recognizer.state() == SpeechRecognizer.State.LOADING || workers.isShutdown()) {
            return;
        }
        for (ClaimedRecording recording : claim.claim(workerCount - running.size())) {
            running.add(recording.requestId());
            workers.execute(() -> run(recording));
        }
    }

    /** Tells the database this node is still working on its recordings (see {@link SpeechConfig#lease()}). */
    public void renewLeases() {
        claim.renew(Set.copyOf(running));
    }

    private void run(ClaimedRecording recording) {
        MDC.put("reference", recording.reference());
        try {
            transcribe(recording);
        } catch (CancellationException e) {
            stopped.add(recording.requestId());
            LOG.infof("Transcription of %s stopped (%s); it resumes on the next start", recording.reference(),
                    e.getMessage());
        } catch (RuntimeException e) {
            // Most likely the database: the lease runs out and the recording is tried again, nothing is lost.
            LOG.errorf(e, "Transcription of %s could not be recorded; it will be tried again", recording.reference());
        } finally {
            running.remove(recording.requestId());
            MDC.remove("reference");
            wake();
        }
    }

    private void transcribe(ClaimedRecording recording) {
        UUID id = recording.requestId();
        if (recording.attempt() > config.maxAttempts()) {
            lifecycle.transcriptionFailed(id, "Transcription was started " + (recording.attempt() - 1)
                    + " times and never finished (the platform stopped each time); the recording is kept to be"
                    + " listened to");
            return;
        }
        byte[] bytes = media.load(recording.audioKey()).orElse(null);
        if (bytes == null) {
            lifecycle.transcriptionFailed(id, "The recording is missing from the media store");
            return;
        }
        long started = System.nanoTime();
        try {
            NormalizedAudio audio = normalizer.normalize(bytes);
            Optional<String> modelLanguage = modelLanguage(recording);
            Transcript transcript = recognizer.recognize(audio, recording.language());
            double seconds = (System.nanoTime() - started) / 1e9;
            realTimeFactor.record(seconds / Math.max(audio.seconds(), 0.001));
            String detail = detail(transcript, audio, seconds) + modelLanguage.map(tag -> "; " + tag + " model")
                    .orElse("");
            if (transcript.isEmpty()) {
                lifecycle.transcriptionFailed(id, "No speech was recognized in the recording (" + detail + ")");
            } else {
                lifecycle.transcribed(id, transcript, detail, misheardWarning(transcript));
            }
            LOG.infof("Transcribed %s: %s", recording.reference(), detail);
        } catch (UnusableAudio e) {
            LOG.infof("Recording of %s not transcribed: %s", recording.reference(), e.getMessage());
            lifecycle.transcriptionFailed(id, e.getMessage());
        }
    }

    /**
     * The language of the model that will hear the recording; a request in a language no model hears gets a note on
     * its timeline first, since the default model will make poor words of it.
     */
    private Optional<String> modelLanguage(ClaimedRecording recording) {
        if (recording.language() == null) {
            return Optional.empty();
        }
        Optional<String> heardIn = recognizer.modelLanguage(recording.language());
        if (heardIn.isEmpty()) {
            lifecycle.note(recording.requestId(), "SPEECH_MODEL_FALLBACK", "No speech model for the language '"
                    + recording.language() + "' (nohold.speech.models." + recording.language().split("-")[0]
                    + " is not set): heard with the default model, so the text may be poor: listen first");
        }
        return heardIn;
    }

    /** The flag an agent sees on a transcript speech recognition was unsure of, or null when it was sure enough. */
    private String misheardWarning(Transcript transcript) {
        if (transcript.confidence() == null || transcript.confidence() >= config.lowConfidence()) {
            return null;
        }
        return String.format(Locale.ROOT, "the recording may be misheard: listen first (confidence %.2f, below %.2f)",
                transcript.confidence(), config.lowConfidence());
    }

    private static String detail(Transcript transcript, NormalizedAudio audio, double seconds) {
        String confidence = transcript.confidence() == null ? ""
                : String.format(Locale.ROOT, "confidence %.2f, ", transcript.confidence());
        return confidence + String.format(Locale.ROOT, "%.1f s of %s in %.2f s", audio.seconds(), audio.source(),
                seconds) + (audio.warning() == null ? "" : "; " + audio.warning());
    }

    private void wake() {
        if (!workers.isShutdown()) {
            routes.sendBody(SpeechRoutes.WAKE, "worker free");
        }
    }

    /** Stops the workers; recordings cut off are handed back so the next start takes them up at once. */
    @PreDestroy
    void stop() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
            claim.release(Set.copyOf(stopped));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Stopped transcriptions keep their leases until they run out: %s", e.getMessage());
        }
    }
}
