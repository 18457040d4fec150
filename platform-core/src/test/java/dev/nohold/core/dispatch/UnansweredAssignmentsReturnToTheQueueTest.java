package dev.nohold.core.dispatch;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
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

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reservation timeout: work an agent holds unanswered past {@code nohold.dispatch.unanswered-timeout} (5 min
 * here) while away or no longer connected goes back to the queue first in line, with the reason on its timeline;
 * work of an agent who is there stays with them. Time is passed in, not waited for.
 */
@QuarkusTest
class UnansweredAssignmentsReturnToTheQueueTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration PAST_THE_TIMEOUT = Duration.ofMinutes(6);

    @Inject
    Intake intake;
    @Inject
    UnansweredAssignments unanswered;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("ada");
        Fixtures.createAgent("bob");
    }

    @Test
    void workOfAnAgentWhoWentAwayReturnsFirstInLineAndGoesToTheNextAgent() {
        IntakeReceipt held = assignedToAda("held while away");
        Fixtures.presence("ada", "AWAY");
        IntakeReceipt newer = submit("arrived later");

        assertEquals(0, unanswered.returnAbandoned(Instant.now().plus(Duration.ofMinutes(4))),
                "returned before its timeout");
        assertEquals(1, unanswered.returnAbandoned(Instant.now().plus(PAST_THE_TIMEOUT)));

        as("admin").get("/api/requests/" + held.id()).then()
                .body("status", equalTo("QUEUED"))
                .body("events.find { it.type == 'REQUEUED' }.detail", containsString("ada was away"));
        Fixtures.presence("bob", "AVAILABLE");
        await().atMost(PATIENCE).untilAsserted(() -> as("bob").get("/api/me/requests").then()
                .body("[0].id", equalTo(held.id().toString())));
        as("admin").get("/api/requests/" + newer.id()).then().body("status", equalTo("QUEUED"));
    }

    @Test
    void anAgentWhoseInboxWentSilentLosesTheWorkAndIsSetAway() throws SQLException {
        IntakeReceipt held = assignedToAda("held by a closed inbox");
        lastSeen("ada", Instant.now().minus(Duration.ofMinutes(3)));

        assertEquals(1, unanswered.returnAbandoned(Instant.now().plus(PAST_THE_TIMEOUT)));

        as("admin").get("/api/requests/" + held.id()).then()
                .body("events.find { it.type == 'REQUEUED' }.detail", containsString("no longer connected"));
        as("ada").get("/api/me").then().body("presence", equalTo("AWAY"));
        as("ada").get("/api/me/requests").then().body("size()", equalTo(0));
    }

    @Test
    void anAgentWhoIsThereKeepsTheirWorkHoweverLongItTakes() throws SQLException {
        IntakeReceipt streaming = assignedToAda("agent with an open inbox");
        Instant later = Instant.now().plus(PAST_THE_TIMEOUT);
        lastSeen("ada", later.minusSeconds(20));
        assertEquals(0, unanswered.returnAbandoned(later));

        // An API client that never opened an event stream is judged by presence alone.
        lastSeen("ada", null);
        assertEquals(0, unanswered.returnAbandoned(later));
        as("ada").get("/api/me/requests").then().body("id", hasItem(streaming.id().toString()));
    }

    private IntakeReceipt assignedToAda(String text) {
        Fixtures.presence("ada", "AVAILABLE");
        IntakeReceipt receipt = submit(text);
        await().atMost(PATIENCE).untilAsserted(() -> as("ada").get("/api/me/requests").then()
                .body("id", hasItem(receipt.id().toString())));
        return receipt;
    }

    private IntakeReceipt submit(String text) {
        return intake.submit(InboundMessage.text(RecordingChannel.ID, "customer asking " + text, text));
    }

    private void lastSeen(String username, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update agent set last_seen_at = ? where username = ?")) {
            update.setTimestamp(1, at == null ? null : Timestamp.from(at));
            update.setString(2, username);
            update.executeUpdate();
        }
    }
}
