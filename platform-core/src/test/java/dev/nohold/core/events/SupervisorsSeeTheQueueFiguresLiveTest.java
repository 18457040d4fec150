package dev.nohold.core.events;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import dev.nohold.core.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A supervisor's stream carries the queue's figures as they change; an agent's never does. */
@QuarkusTest
class SupervisorsSeeTheQueueFiguresLiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("ann");
        Fixtures.createAgent("sue", "supervisor");
    }

    @Test
    void theQueuesFiguresFollowTheRequestsAsTheyArrive() {
        String base = "http://localhost:" + RestAssured.port;
        try (SseClient supervisor = SseClient.open(base, "sue", Fixtures.PASSWORD);
             SseClient agent = SseClient.open(base, "ann", Fixtures.PASSWORD)) {
            Awaitility.await().atMost(PATIENCE).until(() -> !supervisor.queueFigures().isEmpty());
            assertEquals(0, queued(supervisor), "the figures sent as the stream opened");

            intake.submit(InboundMessage.text(RecordingChannel.ID, "caller-1", "first in line"));
            intake.submit(InboundMessage.text(RecordingChannel.ID, "caller-2", "second in line"));

            Awaitility.await().atMost(PATIENCE).until(() -> queued(supervisor) == 2);
            SseClient.Received latest = supervisor.queueFigures().getLast();
            assertEquals("QUEUE", latest.type());
            assertTrue(latest.data().path("agents").has("AVAILABLE"), latest.data().toString());
            assertTrue(agent.queueFigures().isEmpty(), "an agent was sent the whole queue's figures");
        }
    }

    private static long queued(SseClient client) {
        return client.queueFigures().isEmpty() ? -1
                : client.queueFigures().getLast().data().path("counts").path("QUEUED").asLong();
    }
}
