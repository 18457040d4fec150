package dev.nohold.core.request;

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
import java.time.Duration;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** A request answered in a live call is delivered without a reply, and its agent is free for the next one. */
@QuarkusTest
class LiveAnswerClosesTheRequestTest {

    @Inject
    Intake intake;
    @Inject
    Lifecycle lifecycle;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("talker");
        Fixtures.presence("talker", "AVAILABLE");
    }

    @Test
    void liveAnswerDeliversTheRequestAndFreesTheAgent() {
        IntakeReceipt first = intake.submit(InboundMessage.text(RecordingChannel.ID, "caller", "live call"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + first.id())
                .then().body("assignedTo", equalTo("talker")));
        IntakeReceipt second = intake.submit(InboundMessage.text(RecordingChannel.ID, "caller 2", "waiting"));

        lifecycle.answeredLive(first.id(), "live call ended");

        as("admin").get("/api/requests/" + first.id()).then().body("status", equalTo("DELIVERED"))
                .body("events.type", hasItems("ANSWERED_LIVE", "ANSWERED", "DELIVERED"))
                .body("replies.size()", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("admin").get("/api/requests/" + second.id())
                .then().body("assignedTo", equalTo("talker")));
        lifecycle.answeredLive(first.id(), "repeated");
        as("admin").get("/api/requests/" + first.id()).then().body("events.type", hasItem("ANSWERED_LIVE"));
    }
}
