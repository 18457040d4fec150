package dev.nohold.core.web;

import dev.nohold.core.speech.NormalizedAudio;
import dev.nohold.core.speech.SpeechRecognizer;
import dev.nohold.core.speech.Transcript;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;

/**
 * A speech engine that "hears" one known sentence, unsure of it, for the inbox's tests: they are about showing a
 * transcript beside its recording, not about recognition (the speech package's tests use Vosk itself). Enabled
 * only by {@link ScriptedSpeechProfile}.
 */
@Alternative
@ApplicationScoped
public class ScriptedRecognizer implements SpeechRecognizer {

    static final String HEARD = "please call me back about my invoice";
    static final double CONFIDENCE = 0.42;

    @Override
    public String description() {
        return "scripted test engine";
    }

    @Override
    public State state() {
        return State.READY;
    }

    @Override
    public String failure() {
        return null;
    }

    @Override
    public Transcript recognize(NormalizedAudio audio) {
        return new Transcript(HEARD, CONFIDENCE, List.of());
    }
}
