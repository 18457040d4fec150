package dev.nohold.core.flow;

import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow's {@code set: priority} puts the request it hands over ahead of those waiting longer: the next free agent
 * takes the urgent one first. A priority that means nothing is refused when the flow is read, with its line.
 */
@QuarkusTest
@TestProfile(FlowTestProfile.class)
class FlowSetsTheRequestsPriorityTest extends FlowTestBase {

    private static final String OUTAGE_LINE = """
            id: outage-line
            name: Outage reports first
            version: 1
            entry-points:
              - channel: "*"
                entry: outage
            steps:
              - id: what
                ask: What is down?
                into: down
              - id: urgent
                set:
                  priority: urgent
              - id: agent
                handoff: Thank you. An engineer will call you back first.
            """;

    @Inject
    FlowConversations conversations;

    @BeforeEach
    void clean() {
        Fixtures.createAgent("ada");
    }

    @Test
    void anUrgentHandoffIsTakenBeforeARequestThatWaitedLonger() {
        Fixtures.as("admin").contentType("text/plain").body(OUTAGE_LINE).put("/api/flows/outage-line")
                .then().statusCode(200);
        Fixtures.as("admin").post("/api/flows/outage-line/activate").then().statusCode(200);

        FlowReply ordinary = conversations.receive("sms", "+15550002001", null, "Where is my parcel?").orElseThrow();
        FlowReply urgent = conversations.receive("sms", "+15550002002", "outage", "hello").orElseThrow();
        urgent = conversations.receive("sms", "+15550002002", "outage", "The whole street has no internet")
                .orElseThrow();
        assertTrue(ordinary.handedOff() && urgent.handedOff());

        Fixtures.presence("ada", "AVAILABLE");
        String urgentId = urgent.requestId().toString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Fixtures.as("ada").get("/api/me/requests")
                .then().body("id", hasItem(urgentId)));
        Fixtures.as("ada").get("/api/me/requests").then().body("size()", equalTo(1));
        Fixtures.as("sam").get("/api/requests/" + urgentId).then()
                .body("events.find { it.type == 'PRIORITY' }.detail", containsString("2, set by flow outage-line"));
    }

    @Test
    void aPriorityThatMeansNothingIsRefusedWithItsLine() {
        FlowInvalid invalid = assertThrows(FlowInvalid.class, () -> FlowReader.read("flows/outage-line.yaml",
                OUTAGE_LINE.replace("priority: urgent", "priority: asap")));

        assertTrue(invalid.getMessage().contains("line 13: a priority is low, normal, high, urgent or a whole number"),
                invalid.getMessage());
    }
}
