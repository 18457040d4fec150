package dev.nohold.core.dispatch;

import dev.nohold.core.agent.Agents;
import dev.nohold.core.agent.AccountDraft;
import dev.nohold.core.request.Request;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.reply.Replies;
import dev.nohold.core.reply.ReplyDraft;
import dev.nohold.core.request.RequestQueries;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 500 requests arrive on several threads while 20 agents go AVAILABLE and AWAY and answer on their own threads,
 * and two more dispatchers claim alongside the platform's own: every request must be assigned exactly once, no
 * agent may ever hold more than their capacity, and none may be left behind.
 */
@QuarkusTest
class DispatcherAssignsEachRequestOnceTest {

    private static final int REQUESTS = 500;
    private static final int AGENTS = 20;

    @Inject
    Intake intake;
    @Inject
    Agents agents;
    @Inject
    Replies replies;
    @Inject
    RequestQueries queries;
    @Inject
    AssignmentClaim claim;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void everyRequestIsAssignedExactlyOnceUnderConcurrency() throws Exception {
        for (int i = 0; i < AGENTS; i++) {
            agents.create(new AccountDraft("agent" + i, Fixtures.PASSWORD, null, null, List.of(), List.of("agent"),
                    1 + i % 3));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS + 6);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String username = "agent" + i;
            workers.add(pool.submit(() -> workAsAgent(username, running)));
        }
        for (int d = 0; d < 2; d++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    if (!claim.assignNext()) {
                        pause(10);
                    }
                }
            }));
        }
        List<Future<?>> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.add(pool.submit(() -> {
                for (int i = producer; i < REQUESTS; i += 4) {
                    intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-" + i, "question " + i));
                }
            }));
        }
        for (Future<?> producer : producers) {
            producer.get(2, TimeUnit.MINUTES);
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> workers.stream().anyMatch(Future::isDone)
                        || count("select count(*) from customer_request where status in ('ANSWERED', 'DELIVERED')")
                        == REQUESTS);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(REQUESTS, count("select count(*) from customer_request"));
        assertEquals(0, count("""
                select count(*) from (select request_id from request_event where type = 'ASSIGNED'
                                       group by request_id having count(*) <> 1) twice"""),
                "a request was assigned more than once");
        assertEquals(REQUESTS, count("select count(*) from request_event where type = 'ASSIGNED'"));
        assertEquals(REQUESTS, count("select count(*) from reply"));
        assertEquals(0, count("select count(*) from agent where open_assignments > capacity"));
        assertEquals(0, count("select count(*) from agent where open_assignments <> 0"),
                "every agent answered everything they were given");
    }

    /** An agent who answers what they hold and now and then steps AWAY and back. */
    private void workAsAgent(String username, AtomicBoolean running) {
        agents.changePresence(username, "AVAILABLE");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            List<Request> mine = QuarkusTransaction.requiringNew().call(() -> queries.assignedTo(username));
            for (Request request : mine) {
                replies.answer(request.id, username, ReplyDraft.text("answer to " + request.reference));
            }
            if (random.nextInt(10) == 0) {
                agents.changePresence(username, "AWAY");
                pause(random.nextInt(20));
                agents.changePresence(username, "AVAILABLE");
            }
            if (mine.isEmpty()) {
                pause(20);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
