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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void theReferenceAndIdACustomerIsToldBecomeTheirRequestsAndAFollowUpJoinsIt() {
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
        // The id told with the reference, before the request existed, is the request's.
        assertEquals(request.id(), first.requestId());
        assertEquals(request.id(), second.requestId());
        assertEquals("QUEUED", first.status());
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

    /**
     * A follow-up to a request an agent holds is answered "with an agent"; the provider's retry, arriving before the
     * drain took the text, is told the same, not that the text waits in line.
     */
    @Test
    void aRetryOfAFollowUpNotTakenYetIsToldTheStatusOfTheRequestItJoins() throws SQLException {
        JournalReceipt first = journal("+15550003005", "J-5", "My internet is down");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from customer_request where status = 'QUEUED'") == 1);
        execute("update customer_request set status = 'ASSIGNED' where reference = '" + first.reference() + "'");
        // As the journal writes a follow-up, held back from the drain (at its attempts' limit) so the retry finds it
        // still waiting to be taken.
        execute("""
                insert into intake_entry (channel, provider_message_id, fingerprint, sender, identity, reference,
                                          told_new, message, received_at, request_id, attempts)
                values ('%s', 'J-6', 'fp:Still down', '+15550003005', 'phone:+15550003005', '%s', false,
                        '{"text": "Still down", "attributes": {}}', now(), '%s', 5)"""
                .formatted(RecordingChannel.ID, first.reference(), first.requestId()));

        JournalReceipt retry = journal("+15550003005", "J-6", "Still down");

        assertTrue(retry.repeated());
        assertTrue(retry.joined());
        assertEquals(first.reference(), retry.reference());
        assertEquals("ASSIGNED", retry.status());
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

    /** Texts made requests in one batch stand in line in the order they arrived, not in the drain's. */
    @Test
    void textsTakenTogetherKeepTheirOrderOfArrivalInLine() throws SQLException {
        List<String> told = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            told.add(journal("+1555000320" + i, "J-order-" + i, "Question " + i).reference());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from intake_entry where taken_at is null") == 0);
        assertEquals(told, rows("select reference from customer_request where status = 'QUEUED' and ? <> ''"
                + " order by requeued desc, priority desc, queued_at, id", "-"));
    }

    @Test
    void aNewCustomerIsToldTheTextsAheadOfThemInLine() {
        for (int i = 1; i <= 3; i++) {
            JournalReceipt receipt = journal("+1555000310" + i, "J-line-" + i, "Question " + i);
            assertEquals(i, receipt.place().position(), "customer " + i);
        }
    }

    /**
     * The drain makes new requests set-wise, not through the lifecycle's entities: what an agent, a supervisor or a
     * report reads of such a request (its fields, timeline, conversation and live events) must be what the lifecycle
     * writes for the same text taken whole.
     */
    @Test
    void aRequestMadeFromTheJournalReadsAsOneTakenWhole() throws SQLException {
        InboundMessage.Builder text = InboundMessage.from(RecordingChannel.ID, "+15550003201")
                .text("  My router blinks red  ").language("en").requiredSkill("network")
                .attributes(Map.of("to", "+15550009999", "plan", "gold"));
        IntakeReceipt whole = requests.take(text.providerMessageId("J-whole", "fp-1").build());
        JournalReceipt journaled = requests.journal(InboundMessage.from(RecordingChannel.ID, "+15550003202")
                .text("  My router blinks red  ").language("en").requiredSkill("network")
                .attributes(Map.of("to", "+15550009999", "plan", "gold"))
                .providerMessageId("J-journal", "fp-2").build(), WINDOW);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from intake_entry where taken_at is null") == 0);

        assertEquals(rows(RECORD, whole.reference()), rows(RECORD, journaled.reference()));
        assertEquals(rows(TIMELINE, whole.reference()), rows(TIMELINE, journaled.reference()));
        assertEquals(rows(CONVERSATION, whole.reference()), rows(CONVERSATION, journaled.reference()));
        assertEquals(rows(LIVE, whole.reference()), rows(LIVE, journaled.reference()));
        assertEquals(List.of("QUEUED|QUEUED|My router blinks red|en|network|{\"to\": \"+15550009999\", \"plan\": "
                + "\"gold\"}|0|f|t|t|1"), rows(RECORD, journaled.reference()));
    }

    /** What a request's reader sees, without ids, times and the customer's own address and message ids. */
    private static final String RECORD = """
            select concat_ws('|', status, intake_status, text, language, required_skill, attributes, priority,
                             requeued, queued_at is not null, customer_id is not null,
                             (select count(*) from customer_address a where a.customer_id = r.customer_id))
              from customer_request r where reference = ?""";
    private static final String TIMELINE = """
            select concat_ws('|', e.type, e.detail) from request_event e join customer_request r on r.id = e.request_id
             where r.reference = ? order by e.id""";
    private static final String CONVERSATION = """
            select concat_ws('|', m.direction, m.channel, m.text, m.intake_status, m.fingerprint is not null,
                             m.address = r.customer_address, m.provider_message_id = r.provider_message_id)
              from message m join customer_request r on r.id = m.request_id where r.reference = ? order by m.seq""";
    private static final String LIVE = """
            select concat_ws('|', type, status, agent, detail) from live_event where reference = ? order by id""";

    private List<String> rows(String query, String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sql = connection.prepareStatement(query)) {
            sql.setString(1, reference);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
            return rows;
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
