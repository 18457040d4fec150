package dev.nohold.core.channel;

import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel hears, through the live events, the core's request events and its own signals once they commit, and a
 * signal whose transaction rolls back is never heard.
 */
@QuarkusTest
class ChannelsHearCommittedEventsAndTheirSignalsTest {

    @Inject
    ChannelSignals signals;
    @Inject
    ChannelRequests requests;
    @Inject
    Heard heard;
    @Inject
    DataSource dataSource;

    /** What a channel's observer heard. */
    @ApplicationScoped
    static class Heard {
        private final List<ChannelEvent> events = new CopyOnWriteArrayList<>();

        void on(@ObservesAsync ChannelEvent event) {
            events.add(event);
        }

        List<ChannelEvent> events() {
            return events;
        }
    }

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        heard.events().clear();
    }

    @Test
    void aCommittedSignalAndTheRequestsOwnEventsReachTheChannel() {
        IntakeReceipt receipt = requests.take(InboundMessage.text(RecordingChannel.ID, "+15550123", "Hello"));

        QuarkusTransaction.requiringNew().run(() -> signals.signal("test", receipt.id(), "visitor:42"));
        assertThrowsInTransaction(() -> {
            signals.signal("test", receipt.id(), "rolled-back");
            throw new IllegalStateException("the caller's work failed");
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> heard.events().stream()
                .anyMatch(event -> event.isSignalOf("test") && "visitor:42".equals(event.detail())));
        ChannelEvent queued = heard.events().stream().filter(event -> "QUEUED".equals(event.type())).findFirst()
                .orElseThrow();
        assertEquals(receipt.id(), queued.requestId());
        assertEquals(null, queued.channel(), "the core's own events name no channel");
        assertTrue(heard.events().stream().noneMatch(event -> "rolled-back".equals(event.detail())));
    }

    private static void assertThrowsInTransaction(Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(work);
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("the work should have failed");
    }
}
