package dev.nohold.channel.voice;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.twilio.TwilioStandIn;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node that stored a caller's request and died before fetching the recording loses nothing: the request waits,
 * RECEIVED, and the next look for interrupted fetches (on any node) fetches and transcribes it.
 */
@QuarkusTest
class VoiceRecordingFetchResumesTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Intake intake;
    @Inject
    RecordingFetches fetches;

    @BeforeEach
    void clean() {
        VoiceWebhooks.reset(dataSource);
    }

    @Test
    void aRecordingWhoseFetchWasInterruptedIsFetchedAgain() throws SQLException {
        // What the recorded webhook commits before a crash: the request, waiting for its audio.
        IntakeReceipt stored = intake.submit(InboundMessage.text(IncomingCalls.CHANNEL, VoiceWebhooks.CALLER, null)
                .withProviderMessageId("CAcrashed", "CAcrashed")
                .withAttributes(Map.of("callSid", "CAcrashed",
                        RecordingFetches.RECORDING_URL, TwilioStandIn.recordingUrl("REcrashed")))
                .withAudioToFollow());
        as("admin").get("/api/requests/" + stored.id()).then()
                .body("status", equalTo("RECEIVED"))
                .body("events.type", hasItem("AWAITING_AUDIO"));

        fetches.resumeInterrupted();
        assertEquals(0, TwilioStandIn.recordingFetches().size(), "a fresh request is its own node's to fetch");

        makeOlder(stored, Duration.ofMinutes(1));
        fetches.resumeInterrupted();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("admin").get("/api/requests/" + stored.id())
                .then().body("status", equalTo("QUEUED"))
                .body("text", containsString("my order"))
                .body("audioUrl", equalTo("/api/requests/" + stored.id() + "/audio")));
        assertEquals(1, TwilioStandIn.recordingFetches().size());
    }

    private void makeOlder(IntakeReceipt receipt, Duration age) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sql = connection.prepareStatement(
                     "update customer_request set created_at = created_at - make_interval(secs => ?) where id = ?")) {
            sql.setLong(1, age.toSeconds());
            sql.setObject(2, receipt.id());
            sql.executeUpdate();
        }
    }
}
