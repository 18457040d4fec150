package dev.nohold.core.speech;

import java.util.Optional;

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

    /**
     * Transcribes a recording said in {@code language} (a BCP 47 tag; null when unknown) with that language's model,
     * or the default model when the engine has none for it. An engine with one model hears every language with it.
     */
    default Transcript recognize(NormalizedAudio audio, String language) throws UnusableAudio {
        return recognize(audio);
    }

    /**
     * The language of the model that hears a recording said in {@code language}: that language's (or its base
     * language's) tag, or empty when the engine has no model for it and the default model hears it. An engine that
     * tells no languages apart claims to hear them all.
     */
    default Optional<String> modelLanguage(String language) {
        return Optional.ofNullable(language);
    }
}
