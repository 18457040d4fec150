package dev.nohold.core.channel;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake journal's promises, as a channel and its customers see them: what a customer is told holds (the
 * reference becomes their request's, a follow-up joins it), a provider's retry changes nothing, texts from one number
 * sent at the same moment are one request, and an entry a crashed node wrote is taken by another.
 */
@QuarkusTest
class TextsInTheJournalBecomeRequestsTest {

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
    void theReferenceACustomerIsToldBecomesTheirRequestsAndAFollowUpJoinsIt() {
        JournalReceipt first = journal("+15550003001", "J-1", "My parcel never came");
        JournalReceipt second = journal("+15550003001", "J-2", "It was order 1234");

        assertFalse(first.joined());
        assertTrue(second.joined());
        assertEquals(first.reference(), second.reference());
        ChannelRequest request = await().atMost(Duration.ofSeconds(10))
                .until(() -> requests.byProviderId(RecordingChannel.ID, "J-2"),
                        found -> found.isPresent() && found.get().text().contains("order 1234")).orElseThrow();
        assertEquals(first.reference(), request.reference());
        assertEquals("My parcel never came\nIt was order 1234", request.text());
        assertEquals("QUEUED", request.status());
    }

    @Test
    void aProvidersRetryGetsTheFirstAnswerAndMakesNothingTwice() throws SQLException {
        JournalReceipt first = journal("+15550003002", "J-3", "Where is my refund?");
        JournalReceipt retry = journal("+15550003002", "J-3", "Where is my refund?");

        assertTrue(retry.repeated());
        assertEquals(first.reference(), retry.reference());
        assertEquals(1, count("select count(*) from intake_entry"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from customer_request") == 1);
        assertThrows(RuntimeException.class, () -> requests.journal(InboundMessage.from(RecordingChannel.ID,
                "+15550003002").text("Something else").providerMessageId("J-3", "other").build(), WINDOW));
    }

    @Test
    void textsFromOneNumberAtTheSameMomentAreOneRequest() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Callable<JournalReceipt>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "J-burst-" + i;
                texts.add(() -> journal("+15550003003", id, "part " + id));
            }
            List<String> told = new ArrayList<>();
            for (Future<JournalReceipt> receipt : senders.invokeAll(texts)) {
                told.add(receipt.get().reference());
            }
            assertEquals(1, told.stream().distinct().count(), "every text told the same reference: " + told);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count("select count(*) from intake_entry where taken_at is null") == 0);
            assertEquals(1, count("select count(*) from customer_request"));
            assertEquals(12, count("select count(*) from message"));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void anEntryNobodyTookIsTakenByThePoll() throws SQLException {
        // As a node that crashed right after answering the webhook leaves it: written, never woken.
        execute("""
                insert into intake_entry (channel, provider_message_id, fingerprint, sender, identity, reference,
                                          told_new, message, received_at)
                values ('%s', 'J-orphan', null, '+15550003004', 'phone:+15550003004', 'ORPHN2', true,
                        '{"text": "Left behind by a crash", "attributes": {}}', now())""".formatted(RecordingChannel.ID));

        ChannelRequest request = await().atMost(Duration.ofSeconds(10))
                .until(() -> requests.byProviderId(RecordingChannel.ID, "J-orphan"), found -> found.isPresent())
                .orElseThrow();
        assertEquals("ORPHN2", request.reference());
        assertEquals("Left behind by a crash", request.text());
    }

    @Test
    void aNewCustomerIsToldTheTextsAheadOfThemInLine() {
        for (int i = 1; i <= 3; i++) {
            JournalReceipt receipt = journal("+1555000310" + i, "J-line-" + i, "Question " + i);
            assertEquals(i, receipt.place().position(), "customer " + i);
        }
    }

    private JournalReceipt journal(String from, String providerId, String text) {
        return requests.journal(InboundMessage.from(RecordingChannel.ID, from).text(text)
                .providerMessageId(providerId, "fp:" + text).build(), WINDOW);
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
