package dev.nohold.core.web;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/** The platform with {@link ScriptedRecognizer} in place of Vosk. */
public class ScriptedSpeechProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedRecognizer.class);
    }
}
