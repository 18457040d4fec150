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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SpeechTranscribesEveryWavFormatTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void everyFormatBecomesTextCloseToWhatWasSaidWithConfidenceAndWordTimings() throws SQLException {
        Map<String, UUID> requests = new LinkedHashMap<>();
        for (String fixture : SpeechFixtures.WAV_FORMATS) {
            requests.put(fixture, SpokenRequests.submit(intake, SpeechFixtures.bytes(fixture)));
        }

        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, UUID> request : requests.entrySet()) {
            JsonPath view = SpokenRequests.awaitQueued(request.getValue());
            String fixture = request.getKey();
            String text = view.getString("text");
            double confidence = view.getDouble("transcriptConfidence");
            checks.add(() -> assertEquals("QUEUED", view.getString("status"), fixture));
            checks.add(() -> assertTrue(SpeechFixtures.wordErrorRate(SpeechFixtures.sentence(), text)
                    <= SpeechFixtures.MAX_WORD_ERROR_RATE, fixture + " heard as '" + text + "'"));
            checks.add(() -> assertTrue(confidence > 0 && confidence <= 1, fixture + " confidence " + confidence));
            checks.add(() -> assertTrue(SpokenRequests.detailOf(view, "TRANSCRIBED").startsWith("confidence "),
                    fixture + ": " + SpokenRequests.detailOf(view, "TRANSCRIBED")));
            checks.add(() -> assertWordsInOrderWithinTheRecording(request.getValue(), text));
        }
        assertAll(checks);
    }

    @Test
    void aTelephoneRecordingReachesTheAgentsInboxAsTextWithItsAudioPlayable() {
        Fixtures.createAgent("alice");
        Fixtures.presence("alice", "AVAILABLE");
        byte[] recording = SpeechFixtures.bytes(SpeechFixtures.TELEPHONE);

        UUID id = SpokenRequests.submit(intake, recording);

        await().atMost(SpokenRequests.PATIENCE).until(() -> as("alice").get("/api/me/requests").then()
                .statusCode(200).extract().jsonPath().getList("id").contains(id.toString()));
        String text = as("alice").get("/api/me/requests").then().extract().jsonPath().getString("[0].text");
        assertTrue(SpeechFixtures.wordErrorRate(SpeechFixtures.sentence(), text) <= SpeechFixtures.MAX_WORD_ERROR_RATE,
                "heard as '" + text + "'");
        byte[] played = as("alice").get("/api/requests/" + id + "/audio").then().statusCode(200)
                .contentType("audio/wav").extract().asByteArray();
        assertArrayEquals(recording, played);
        assertEquals(List.of("RECEIVED", "TRANSCRIBING", "TRANSCRIBED", "QUEUED", "ASSIGNED"),
                SpokenRequests.view(id).getList("events.type"));
    }

    private void assertWordsInOrderWithinTheRecording(UUID id, String text) throws SQLException {
        String sql = """
                select w->>'word', (w->>'start')::float8, (w->>'end')::float8
                  from customer_request r, jsonb_array_elements(r.transcript_words) w where r.id = ?""";
        List<String> words = new ArrayList<>();
        double previousEnd = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet word = query.executeQuery()) {
                while (word.next()) {
                    words.add(word.getString(1));
                    assertTrue(word.getDouble(2) >= previousEnd - 0.01 && word.getDouble(3) > word.getDouble(2),
                            "word timings in order: " + word.getString(1));
                    previousEnd = word.getDouble(3);
                }
            }
        }
        assertEquals(text, String.join(" ", words));
        assertTrue(previousEnd <= SpeechFixtures.SECONDS + 0.1, "last word ends within the recording: " + previousEnd);
    }
}
