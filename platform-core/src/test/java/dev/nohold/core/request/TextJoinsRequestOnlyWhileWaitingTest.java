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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TextJoinsRequestOnlyWhileWaitingTest {

    @Inject
    Intake intake;
    @Inject
    Lifecycle lifecycle;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void aSecondTextJoinsTheQueuedRequestButNotOnceAnAgentHasIt() {
        Fixtures.createAgent("bob");
        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-2", "My parcel"));

        assertTrue(lifecycle.addText(receipt.id(), "never arrived", "second message"));
        as("admin").get("/api/requests/" + receipt.id()).then().statusCode(200)
                .body("text", equalTo("My parcel\nnever arrived"))
                .body("events.type", contains("RECEIVED", "QUEUED", "TEXT_ADDED"));

        Fixtures.presence("bob", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("admin").get("/api/requests/" + receipt.id()).then().body("status", equalTo("ASSIGNED")));
        assertFalse(lifecycle.addText(receipt.id(), "hello?", "third message"));
        as("admin").get("/api/requests/" + receipt.id()).then().body("text", equalTo("My parcel\nnever arrived"));
    }
}
