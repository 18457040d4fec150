package dev.nohold.core.bench;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Dispatch latency, printed, not asserted: (1) a request becoming QUEUED while an agent is idle, until it is
 * ASSIGNED; (2) an agent becoming AVAILABLE while work waits, until they hold it. Both measured from the platform's
 * own timestamps in the database. Run: {@code ./mvnw -pl platform-core -Pbenchmark test -Dtest=DispatchBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class DispatchBenchmark {

    private static final int SAMPLES = 300;
    private static final int WARM_UP = 30;

    @Inject
    Intake intake;
    @Inject
    Agents agents;
    @Inject
    Replies replies;
    @Inject
    RequestQueries queries;
    @Inject
    DataSource dataSource;

    @Test
    void dispatchLatency() throws Exception {
        Fixtures.reset(dataSource);
        agents.create(new AccountDraft("bench-idle", Fixtures.PASSWORD, null, null, List.of(), List.of("agent"), 100));
        agents.changePresence("bench-idle", "AVAILABLE");
        for (int i = 0; i < SAMPLES + WARM_UP; i++) {
            intake.submit(InboundMessage.text(RecordingChannel.ID, "bench-" + i, "question " + i));
            awaitCount("select count(*) from customer_request where status = 'QUEUED'", 0);
            if (i % 90 == 89) {
                answerAll("bench-idle");
            }
        }
        List<Double> queuedToAssigned = millis("""
                select extract(epoch from (assigned_at - queued_at)) * 1000 from customer_request
                 where assigned_at is not null order by created_at offset %d""".formatted(WARM_UP));
        answerAll("bench-idle");
        agents.changePresence("bench-idle", "OFFLINE");

        agents.create(new AccountDraft("bench-returning", Fixtures.PASSWORD, null, null, List.of(), List.of("agent"), 1));
        for (int i = 0; i < SAMPLES + WARM_UP; i++) {
            intake.submit(InboundMessage.text(RecordingChannel.ID, "bench-waiting-" + i, "waiting " + i));
        }
        List<Double> availableToAssigned = new ArrayList<>();
        for (int i = 0; i < SAMPLES + WARM_UP; i++) {
            agents.changePresence("bench-returning", "AVAILABLE");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                    .until(() -> !mine("bench-returning").isEmpty());
            double latency = millis("""
                    select extract(epoch from (r.assigned_at - g.presence_since)) * 1000
                      from customer_request r join agent g on g.id = r.assigned_agent_id
                     where g.username = 'bench-returning' and r.status = 'ASSIGNED'""").get(0);
            agents.changePresence("bench-returning", "AWAY");
            answerAll("bench-returning");
            if (i >= WARM_UP) {
                availableToAssigned.add(latency);
            }
        }
        print("request QUEUED -> ASSIGNED (agent idle)", queuedToAssigned);
        print("agent AVAILABLE -> holds waiting work", availableToAssigned);
    }

    private List<Request> mine(String username) {
        return QuarkusTransaction.requiringNew().call(() -> queries.assignedTo(username));
    }

    private void answerAll(String username) {
        for (Request request : mine(username)) {
            replies.answer(request.id, username, ReplyDraft.text("ok"));
        }
    }

    private void awaitCount(String sql, long expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                .until(() -> millis(sql).get(0) == expected);
    }

    private List<Double> millis(String sql) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getDouble(1));
            }
        }
        return values;
    }

    private static void print(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        System.out.printf("%n[bench] %-42s n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what, sorted.size(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
