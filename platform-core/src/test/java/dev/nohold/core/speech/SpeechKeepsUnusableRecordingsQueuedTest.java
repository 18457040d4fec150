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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad audio never loses a request: it is queued for an agent with its bytes kept and the reason in its timeline. */
@QuarkusTest
class SpeechKeepsUnusableRecordingsQueuedTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void eachUnusableRecordingIsQueuedWithItsBytesAndTheReason() {
        Map<String, byte[]> recordings = new LinkedHashMap<>();
        recordings.put("holds no sound", BadAudio.emptyWav());
        recordings.put("damaged or cut short", BadAudio.headerCutShort());
        recordings.put("is damaged", BadAudio.corruptHeader());
        recordings.put("WAV file with MPEG (MP3) samples", BadAudio.mp3InWav());
        recordings.put("not a recording the platform can read", BadAudio.pdf());
        recordings.put("MP3 recording is damaged or not audio", BadAudio.mp3());
        recordings.put("Ogg (Vorbis or Opus) recording is damaged", SpeechFixtures.bytes("compressed/truncated-opus.ogg"));
        recordings.put("WebM/Matroska recording is damaged", SpeechFixtures.bytes("compressed/wrong-header.webm"));
        recordings.put("MP4/M4A recording is damaged or not audio", SpeechFixtures.bytes("compressed/no-sound.m4a"));
        recordings.put("FLAC recording lasts longer than 10.0 min",
                SpeechFixtures.bytes("compressed/three-hours-of-silence.flac"));
        recordings.put("recordings longer than 10.0 min", BadAudio.ulawSilence(10.2));
        // The tests' limit is 8M (EmbeddedPostgresResource): 8 MiB and one byte.
        recordings.put("8.4 MB; recordings over 8.4 MB", Arrays.copyOf(BadAudio.emptyWav(), 8 * 1024 * 1024 + 1));

        Map<String, UUID> requests = new LinkedHashMap<>();
        recordings.forEach((reason, bytes) -> requests.put(reason, SpokenRequests.submit(intake, bytes)));

        List<Executable> checks = new ArrayList<>();
        requests.forEach((reason, id) -> {
            JsonPath view = SpokenRequests.awaitQueued(id);
            String failure = SpokenRequests.detailOf(view, "TRANSCRIPTION_FAILED");
            checks.add(() -> assertEquals("QUEUED", view.getString("status"), reason));
            checks.add(() -> assertNull(view.getString("text"), reason));
            checks.add(() -> assertNotNull(failure, "a reason for '" + reason + "'"));
            checks.add(() -> assertTrue(failure.contains(reason), failure));
            checks.add(() -> assertEquals("/api/requests/" + id + "/audio", view.getString("audioUrl")));
            checks.add(() -> assertArrayEquals(recordings.get(reason), SpokenRequests.audio(id), reason));
        });
        assertAll(checks);
    }

    @Test
    void aRecordingCutShortInItsSamplesKeepsWhatWasHeardAndSaysItIsIncomplete() {
        byte[] whole = SpeechFixtures.bytes(SpeechFixtures.TELEPHONE);
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

        UUID id = SpokenRequests.submit(intake, cut);

        JsonPath view = SpokenRequests.awaitQueued(id);
        assertEquals("QUEUED", view.getString("status"));
        String detail = view.getString("events.find { it.type.startsWith('TRANSCRI') && it.type != 'TRANSCRIBING' }.detail");
        assertTrue(detail.contains("the file is cut short: it holds 1.7 s of the 2.6 s its header announces"), detail);
        assertArrayEquals(cut, SpokenRequests.audio(id));
    }
}
