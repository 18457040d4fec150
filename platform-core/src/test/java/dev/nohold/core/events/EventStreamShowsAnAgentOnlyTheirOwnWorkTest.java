package dev.nohold.core.events;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import dev.nohold.core.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EventStreamShowsAnAgentOnlyTheirOwnWorkTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    private final List<SseClient> clients = new ArrayList<>();

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
        Fixtures.createAgent("sam", "supervisor");
    }

    @AfterEach
    void closeStreams() {
        clients.forEach(SseClient::close);
    }

    @Test
    void anAgentNeverHearsOfAnotherAgentsRequestOrPresenceWhileTheSupervisorHearsOfBoth() {
        SseClient alice = open("alice", null);
        SseClient bob = open("bob", null);
        SseClient supervisor = open("sam", null);

        Fixtures.presence("alice", "AVAILABLE");
        IntakeReceipt forAlice = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-a", "First"));
        alice.await(PATIENCE, e -> "ASSIGNED".equals(e.type()));
        Fixtures.presence("bob", "AVAILABLE");
        IntakeReceipt forBob = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-b", "Second"));
        bob.await(PATIENCE, e -> "ASSIGNED".equals(e.type()));
        supervisor.await(PATIENCE, e -> "ASSIGNED".equals(e.type()) && forBob.id().toString().equals(e.requestId()));

        assertEquals(Set.of(forAlice.id().toString()), requestsHeardBy(alice));
        assertEquals(Set.of(forBob.id().toString()), requestsHeardBy(bob));
        assertEquals(Set.of(forAlice.id().toString(), forBob.id().toString()), requestsHeardBy(supervisor));
        assertEquals(Set.of("alice"), agentsNamedIn(alice));
        assertEquals(Set.of("bob"), agentsNamedIn(bob));

        // Resuming from before the first event replays with the same scope.
        long first = Long.parseLong(supervisor.events().getFirst().id());
        SseClient aliceAgain = open("alice", Long.toString(first - 1));
        aliceAgain.await(PATIENCE, e -> "ASSIGNED".equals(e.type()));
        assertEquals(Set.of(forAlice.id().toString()), requestsHeardBy(aliceAgain));
        assertEquals(Set.of("alice"), agentsNamedIn(aliceAgain));
    }

    private SseClient open(String username, String lastEventId) {
        SseClient client = SseClient.open("http://localhost:" + RestAssured.port, username, Fixtures.PASSWORD,
                lastEventId);
        clients.add(client);
        return client;
    }

    private static Set<String> requestsHeardBy(SseClient client) {
        return client.events().stream().map(SseClient.Received::requestId).filter(id -> id != null)
                .collect(Collectors.toSet());
    }

    private static Set<String> agentsNamedIn(SseClient client) {
        return client.events().stream().map(e -> e.data().path("agent").asText(null)).filter(a -> a != null)
                .collect(Collectors.toSet());
    }
}
