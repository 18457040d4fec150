package dev.nohold.core.channel;

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
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The place a customer is told is read from the node's copy of the line, not counted: these prove that copy follows
 * this node's intake at once and other nodes' changes as their live events arrive (written here as another node
 * writes them: the rows and the notification, without this node's code).
 */
@QuarkusTest
class PlaceInLineCountsEveryNodesRequestsTest {

    private static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    ChannelRequests requests;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void eachNewRequestHereIsToldItsPlaceBehindTheOnesBefore() {
        for (int i = 1; i <= 3; i++) {
            IntakeReceipt receipt = requests.take(InboundMessage.text(RecordingChannel.ID, "+1555000100" + i, "Q" + i));
            assertEquals(i, requests.placeOf(receipt.id(), WINDOW).position());
        }
    }

    @Test
    void requestsQueuedAndTakenOnAnotherNodeMoveThisNodesCustomersInLine() throws SQLException {
        Instant earlier = Instant.now().minusSeconds(60);
        UUID elsewhere = queuedOnAnotherNode("OTHER1", earlier, false);
        IntakeReceipt mine = requests.take(InboundMessage.text(RecordingChannel.ID, "+15550002001", "Mine"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(2L, requests.placeOf(mine.id(), WINDOW).position()));

        takenOnAnotherNode(elsewhere);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(1L, requests.placeOf(mine.id(), WINDOW).position()));

        // Work an agent left goes back first in line, ahead of everyone who waited longer.
        queuedOnAnotherNode("REQUE1", Instant.now(), true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(2L, requests.placeOf(mine.id(), WINDOW).position()));
    }

    /**
     * The wait told goes by the pace agents took requests on every node: an assignment another node made counts at
     * once (the pace is kept, not counted for every customer, so it must be told of it).
     */
    @Test
    void anAssignmentOnAnotherNodeSetsTheWaitToldHere() throws SQLException {
        UUID elsewhere = queuedOnAnotherNode("OTHER2", Instant.now().minusSeconds(60), false);
        IntakeReceipt mine = requests.take(InboundMessage.text(RecordingChannel.ID, "+15550002101", "Mine"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(2L, requests.placeOf(mine.id(), WINDOW).position()));
        assertTrue(requests.placeOf(mine.id(), WINDOW).minutes().isEmpty(), "no assignment yet: no pace to go by");

        changedOnAnotherNode(elsewhere, "OTHER2", "status = 'ASSIGNED', assigned_at = now()", "ASSIGNED");

        // First in line, one request taken in the last hour: about an hour. Told within a second, well before the
        // pace's own refresh.
        await().atMost(Duration.ofMillis(1500)).untilAsserted(() -> {
            PlaceInLine place = requests.placeOf(mine.id(), WINDOW);
            assertEquals(1L, place.position());
            assertEquals(60L, place.minutes().orElse(-1));
        });
    }

    @Test
    void aLineChangedBehindThePlatformsBackIsReadAfreshWhenTheListenerReconnects() throws SQLException {
        IntakeReceipt first = requests.take(InboundMessage.text(RecordingChannel.ID, "+15550003001", "First"));
        assertEquals(1L, requests.placeOf(first.id(), WINDOW).position());
        // Rows only, no event: nothing tells this node, until its listener loses its connection and comes back.
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'nohold-live-events'")) {
            insertQueued(connection, UUID.randomUUID(), "SILENT", Instant.now().minusSeconds(600), false);
            insert.execute();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(2L, requests.placeOf(first.id(), WINDOW).position()));
    }

    /** What another node's intake commits: the request's row and its live event, announced. */
    private UUID queuedOnAnotherNode(String reference, Instant queuedAt, boolean requeued) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            insertQueued(connection, id, reference, queuedAt, requeued);
            announce(connection, id, reference, "QUEUED");
        }
        return id;
    }

    private void takenOnAnotherNode(UUID id) throws SQLException {
        changedOnAnotherNode(id, "OTHER1", "status = 'CANCELLED'", "CANCELLED");
    }

    /** What another node commits when a request leaves the line: the row changed ({@code set}), and announced. */
    private void changedOnAnotherNode(UUID id, String reference, String set, String status) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update customer_request set " + set + " where id = ?")) {
            update.setObject(1, id);
            update.executeUpdate();
            announce(connection, id, reference, status);
        }
    }

    private static void insertQueued(Connection connection, UUID id, String reference, Instant queuedAt,
                                     boolean requeued) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into customer_request (id, reference, channel, customer_address, status, text, intake_status,
                                              requeued, created_at, queued_at, updated_at)
                values (?, ?, 'test', ?, 'QUEUED', 'From elsewhere', 'QUEUED', ?, ?, ?, now())""")) {
            insert.setObject(1, id);
            insert.setString(2, reference);
            insert.setString(3, "elsewhere-" + reference);
            insert.setBoolean(4, requeued);
            insert.setTimestamp(5, Timestamp.from(queuedAt));
            insert.setTimestamp(6, Timestamp.from(queuedAt));
            insert.executeUpdate();
        }
    }

    private static void announce(Connection connection, UUID id, String reference, String status)
            throws SQLException {
        try (PreparedStatement event = connection.prepareStatement("""
                with event as (
                    insert into live_event (at, type, request_id, reference, status)
                    values (now(), ?, ?, ?, ?) returning id)
                select pg_notify('nohold_events', id::text) from event""")) {
            event.setString(1, status);
            event.setObject(2, id);
            event.setString(3, reference);
            event.setString(4, status);
            event.execute();
        }
    }
}
