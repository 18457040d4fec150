package dev.nohold.core.speech;

import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compressed recordings go the whole way: intake, the server-side decoder, Vosk, the queue, the audio kept. */
@QuarkusTest
class CompressedRecordingsBecomeSpokenRequestsTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void aBrowsersVoiceNoteAndAnMmsRecordingBecomeTextWithTheirBytesKept() {
        Map<String, UUID> requests = new LinkedHashMap<>();
        for (String fixture : List.of("chrome-opus.webm", "mms.amr")) {
            requests.put(fixture, SpokenRequests.submit(intake, SpeechFixtures.bytes("compressed/" + fixture)));
        }

        List<Executable> checks = new ArrayList<>();
        requests.forEach((fixture, id) -> {
            JsonPath view = SpokenRequests.awaitQueued(id);
            String text = view.getString("text");
            checks.add(() -> assertTrue(SpeechFixtures.wordErrorRate(SpeechFixtures.sentence(), text)
                    <= SpeechFixtures.LOSSY_MAX_WORD_ERROR_RATE, fixture + " heard as '" + text + "'"));
            checks.add(() -> assertArrayEquals(SpeechFixtures.bytes("compressed/" + fixture), SpokenRequests.audio(id)));
        });
        assertAll(checks);
    }
}
