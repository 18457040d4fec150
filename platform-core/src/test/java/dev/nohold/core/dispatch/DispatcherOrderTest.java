package dev.nohold.core.dispatch;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Who gets what: the longest waiting request first, the longest idle agent first, skills, capacity, requeue. */
@QuarkusTest
class DispatcherOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void theLongestWaitingRequestGoesToTheLongestIdleAgent() {
        Fixtures.createAgent("first");
        Fixtures.createAgent("second");
        IntakeReceipt older = submit("older question");
        IntakeReceipt newer = submit("newer question");

        Fixtures.presence("first", "AVAILABLE");
        awaitAssigned("first", older);
        Fixtures.presence("second", "AVAILABLE");
        awaitAssigned("second", newer);
    }

    @Test
    void anIdleAgentGetsARequestTheMomentItArrives() {
        Fixtures.createAgent("idle");
        Fixtures.presence("idle", "AVAILABLE");
        IntakeReceipt receipt = submit("hello");
        awaitAssigned("idle", receipt);
        as("idle").get("/api/requests/" + receipt.id()).then()
                .body("events.type", contains("RECEIVED", "QUEUED", "ASSIGNED"));
    }

    @Test
    void anAgentHoldsNoMoreThanTheirCapacity() {
        Fixtures.createAgent("busy", 2, List.of());
        IntakeReceipt a = submit("one");
        IntakeReceipt b = submit("two");
        IntakeReceipt c = submit("three");
        Fixtures.presence("busy", "AVAILABLE");
        await().atMost(PATIENCE).untilAsserted(() -> as("busy").get("/api/me/requests").then()
                .body("reference", contains(a.reference(), b.reference())));
        as("admin").get("/api/requests/" + c.id()).then().body("status", equalTo("QUEUED"));

        reply("busy", a);
        await().atMost(PATIENCE).untilAsserted(() -> as("busy").get("/api/me/requests").then()
                .body("reference", containsInAnyOrder(b.reference(), c.reference())));
    }

    @Test
    void aRequestNeedingASkillWaitsForAnAgentWhoHasIt() {
        Fixtures.createAgent("generalist");
        Fixtures.createAgent("billing-expert", 1, List.of("billing"));
        IntakeReceipt billing = intake.submit(InboundMessage.from(RecordingChannel.ID, "c").text("refund please")
                .requiredSkill("billing").build());
        Fixtures.presence("generalist", "AVAILABLE");
        IntakeReceipt plain = submit("plain question");
        awaitAssigned("generalist", plain);
        as("admin").get("/api/requests/" + billing.id()).then().body("status", equalTo("QUEUED"));

        Fixtures.presence("billing-expert", "AVAILABLE");
        awaitAssigned("billing-expert", billing);
    }

    @Test
    void workOfAnAgentWhoGoesOfflineReturnsToTheQueueFirstInLine() {
        Fixtures.createAgent("leaver");
        Fixtures.createAgent("stayer");
        IntakeReceipt taken = submit("taken then dropped");
        Fixtures.presence("leaver", "AVAILABLE");
        awaitAssigned("leaver", taken);
        IntakeReceipt later = submit("asked later");

        Fixtures.presence("leaver", "OFFLINE");
        as("admin").get("/api/requests/" + taken.id()).then()
                .body("status", equalTo("QUEUED"))
                .body("events.type", hasItem("REQUEUED"));
        as("leaver").get("/api/me/requests").then().body("$", empty());

        Fixtures.presence("stayer", "AVAILABLE");
        awaitAssigned("stayer", taken);
        as("admin").get("/api/requests/" + later.id()).then().body("status", equalTo("QUEUED"));
    }

    @Test
    void anAgentWhoStepsAwayKeepsTheirWorkButGetsNoMore() {
        Fixtures.createAgent("stepper", 2, List.of());
        IntakeReceipt first = submit("first");
        Fixtures.presence("stepper", "AVAILABLE");
        awaitAssigned("stepper", first);
        Fixtures.presence("stepper", "AWAY");
        IntakeReceipt second = submit("second");
        as("stepper").get("/api/me/requests").then().body("reference", contains(first.reference()));
        as("admin").get("/api/requests/" + second.id()).then().body("status", equalTo("QUEUED"));
    }

    /** A request from a customer of its own: texts from one customer would join one conversation. */
    private IntakeReceipt submit(String text) {
        return intake.submit(InboundMessage.text(RecordingChannel.ID, "customer asking " + text, text));
    }

    private static void awaitAssigned(String agent, IntakeReceipt receipt) {
        await().atMost(PATIENCE).untilAsserted(() -> as("admin").get("/api/requests/" + receipt.id()).then()
                .body("status", equalTo("ASSIGNED"))
                .body("assignedTo", equalTo(agent)));
    }

    private static void reply(String agent, IntakeReceipt receipt) {
        as(agent).contentType(ContentType.JSON).body(Map.of("text", "done"))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(201);
    }
}
