package dev.nohold.core.speech;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's language picks the model that hears it: a configured language's own model (here the English model
 * loaded a second time under another tag, since no other model is at hand: a real recognizer), the default
 * model for its own language, and the default model with a note for a language that has none.
 */
@QuarkusTest
@TestProfile(SpeechModelsPerLanguageTest.SecondLanguage.class)
class SpeechModelsPerLanguageTest {

    /**
     * The bundled English model also configured, through a link of another name, as the model for "xx", a made-up
     * language: another folder, so a second model is loaded, as for a real second language.
     */
    public static class SecondLanguage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path link = Path.of("target", "model-xx").toAbsolutePath();
            try {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, ModelLocation.bundled(Path.of("target")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("nohold.speech.models.xx", link.toString());
        }
    }

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void eachLanguageIsHeardByItsModelAndALanguageWithoutOneByTheDefaultWithANote() {
        UUID configured = submit("xx-YY");
        UUID defaultsOwn = submit("en-US");
        UUID withoutModel = submit("fr");

        JsonPath xx = SpokenRequests.awaitQueued(configured);
        JsonPath en = SpokenRequests.awaitQueued(defaultsOwn);
        JsonPath fr = SpokenRequests.awaitQueued(withoutModel);
        assertAll(
                () -> assertTrue(xx.getString("text").contains("my order"), xx.getString("text")),
                () -> assertTrue(SpokenRequests.detailOf(xx, "TRANSCRIBED").endsWith("; xx model"),
                        SpokenRequests.detailOf(xx, "TRANSCRIBED")),
                () -> assertNull(SpokenRequests.detailOf(xx, "SPEECH_MODEL_FALLBACK")),
                () -> assertTrue(SpokenRequests.detailOf(en, "TRANSCRIBED").endsWith("; en model")),
                () -> assertNull(SpokenRequests.detailOf(en, "SPEECH_MODEL_FALLBACK")),
                () -> assertTrue(fr.getString("text").contains("my order"), "the default model still hears it"),
                () -> assertEquals("No speech model for the language 'fr' (nohold.speech.models.fr is not set): heard"
                        + " with the default model, so the text may be poor: listen first",
                        SpokenRequests.detailOf(fr, "SPEECH_MODEL_FALLBACK")));
    }

    private UUID submit(String language) {
        return intake.submit(InboundMessage.from(RecordingChannel.ID, "caller in " + language)
                .audio(SpeechFixtures.bytes("ulaw-8000-mono.wav"), "audio/wav").language(language).build()).id();
    }
}
