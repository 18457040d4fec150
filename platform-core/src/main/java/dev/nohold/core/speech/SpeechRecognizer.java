package dev.nohold.core.speech;

/**
 * The speech engine the platform transcribes with. Vosk is the default ({@link VoskRecognizer}); another engine is a
 * CDI bean implementing this interface, which then replaces it.
 *
 * <p>An engine may load slowly in the background; until it is {@link State#READY}, recordings wait in
 * TRANSCRIBING. It fires {@link RecognizerReady} once it is ready, or has failed for good, so they are taken up.
 */
public interface SpeechRecognizer {

    enum State { LOADING, READY, FAILED }

    /** The engine and its model, in words, for logs and the health check. */
    String description();

    State state();

    /** Why the engine cannot work, when it is {@link State#FAILED}. */
    String failure();

    /**
     * Transcribes one normalized recording on the calling thread. Safe to call from several threads at once.
     *
     * @throws UnusableAudio when the engine is not ready or failed; the reason says which
     */
    Transcript recognize(NormalizedAudio audio) throws UnusableAudio;
}
