package dev.nohold.core.web;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * The platform with {@link ScriptedRecognizer} in place of Vosk. Vosk's model is not loaded either (its path leads
 * nowhere, so it fails fast): a platform that loaded it and stopped soon after has aborted the test JVM at exit.
 */
public class ScriptedSpeechProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedRecognizer.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nohold.speech.model-path", "target/no-speech-model-for-the-inbox-tests");
    }
}
