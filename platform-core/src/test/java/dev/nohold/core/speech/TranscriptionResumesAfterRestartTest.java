package dev.nohold.core.speech;

import dev.nohold.core.media.MediaStore;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node that stops mid-transcription leaves its request in TRANSCRIBING with a lease that runs out. These tests
 * write exactly that state into the database, as a killed process leaves it, and watch this node finish the work.
 */
@QuarkusTest
class TranscriptionResumesAfterRestartTest {

    @Inject
    DataSource dataSource;
    @Inject
    MediaStore media;
    @Inject
    TranscriptionClaim claim;
    @Inject
    SpeechConfig config;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void aTranscriptionInterruptedByACrashIsFinishedOnceItsLeaseRunsOut() throws SQLException {
        UUID id = leftTranscribing(Instant.now().minusSeconds(5), 1);

        JsonPath view = SpokenRequests.awaitQueued(id);

        assertEquals("QUEUED", view.getString("status"));
        String text = view.getString("text");
        assertTrue(SpeechFixtures.wordErrorRate(SpeechFixtures.sentence(), text) <= SpeechFixtures.MAX_WORD_ERROR_RATE,
                "heard as '" + text + "'");
        assertTrue(view.getList("events.type").contains("TRANSCRIBED"));
    }

    @Test
    void aRecordingThatStoppedThePlatformEveryTimeIsQueuedWithoutText() throws SQLException {
        UUID id = leftTranscribing(Instant.now().minusSeconds(5), config.maxAttempts());

        JsonPath view = SpokenRequests.awaitQueued(id);

        assertEquals("QUEUED", view.getString("status"));
        assertTrue(SpokenRequests.detailOf(view, "TRANSCRIPTION_FAILED")
                .startsWith("Transcription was started " + config.maxAttempts() + " times and never finished"));
        assertEquals(SpeechFixtures.bytes(SpeechFixtures.TELEPHONE).length, SpokenRequests.audio(id).length);
    }

    @Test
    void aRecordingAnotherNodeIsStillWorkingOnIsLeftToIt() throws SQLException {
        UUID id = leftTranscribing(Instant.now().plus(Duration.ofMinutes(1)), 1);

        assertFalse(claim.claim(10).stream().anyMatch(recording -> recording.requestId().equals(id)));
        assertEquals("TRANSCRIBING", SpokenRequests.view(id).getString("status"));
    }

    /** Writes a spoken request as a node leaves it when it dies during recognition. */
    private UUID leftTranscribing(Instant leaseUntil, int attempts) throws SQLException {
        UUID id = UUID.randomUUID();
        String key = media.store(SpeechFixtures.bytes(SpeechFixtures.TELEPHONE), "audio/wav");
        Timestamp received = Timestamp.from(Instant.now().minusSeconds(300));
        String request = """
                insert into customer_request (id, reference, channel, customer_address, status, audio_key, audio_type,
                    intake_status, created_at, updated_at, transcription_lease_until, transcription_attempts)
                values (?, ?, ?, 'caller', 'TRANSCRIBING', ?, 'audio/wav', 'TRANSCRIBING', ?, ?, ?, ?)""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(request);
             PreparedStatement events = connection.prepareStatement(
                     "insert into request_event (request_id, at, type) values (?, ?, 'RECEIVED'), (?, ?, 'TRANSCRIBING')")) {
            insert.setObject(1, id);
            insert.setString(2, "R" + id.toString().substring(0, 7).toUpperCase());
            insert.setString(3, RecordingChannel.ID);
            insert.setString(4, key);
            insert.setTimestamp(5, received);
            insert.setTimestamp(6, received);
            insert.setTimestamp(7, Timestamp.from(leaseUntil));
            insert.setInt(8, attempts);
            insert.executeUpdate();
            events.setObject(1, id);
            events.setTimestamp(2, received);
            events.setObject(3, id);
            events.setTimestamp(4, received);
            events.executeUpdate();
        }
        return id;
    }
}
