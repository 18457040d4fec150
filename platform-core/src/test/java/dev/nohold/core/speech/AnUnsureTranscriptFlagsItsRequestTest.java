package dev.nohold.core.speech;

import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transcript recognition was unsure of (below {@code nohold.speech.low-confidence}, 0.8) flags its request for the
 * agent; a clear one does not. The unsure sentence is one espeak-ng fixture Vosk gets half wrong, at 0.67.
 */
@QuarkusTest
class AnUnsureTranscriptFlagsItsRequestTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void aHalfMisheardSentenceIsFlaggedListenFirstAndAClearOneIsNot() {
        UUID unsure = SpokenRequests.submit(intake, SpeechFixtures.bytes("sentences/s4-ulaw-8000.wav"));
        UUID clear = SpokenRequests.submit(intake, SpeechFixtures.bytes("pcm16-16000-mono.wav"));

        JsonPath flagged = SpokenRequests.awaitQueued(unsure);
        JsonPath trusted = SpokenRequests.awaitQueued(clear);

        assertTrue(flagged.getBoolean("transcriptLowConfidence"));
        String warning = SpokenRequests.detailOf(flagged, "TRANSCRIPT_LOW_CONFIDENCE");
        assertNotNull(warning);
        assertTrue(warning.startsWith("the recording may be misheard: listen first (confidence 0.6"), warning);
        assertFalse(trusted.getBoolean("transcriptLowConfidence"));
        assertNull(SpokenRequests.detailOf(trusted, "TRANSCRIPT_LOW_CONFIDENCE"));
    }
}
