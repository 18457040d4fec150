package dev.nohold.core.request;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import dev.nohold.core.testing.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Supervisors take work back from an agent or give it to another, through the lifecycle, on the timeline. */
@QuarkusTest
class SupervisorsReassignAndRequeueTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Intake intake;
    @Inject
    RecordingChannel channel;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        channel.clear();
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void aSupervisorGivesAliceSRequestToBobAndBothAreCountedRight() {
        UUID id = assignedToAlice("+15550500");
        Fixtures.presence("bob", "AWAY");

        as("sam").contentType(ContentType.JSON).body(Map.of("agent", "bob"))
                .post("/api/requests/" + id + "/reassign").then().statusCode(200)
                .body("assignedTo", equalTo("bob"))
                .body("status", equalTo("ASSIGNED"));

        as("bob").get("/api/requests/" + id).then().statusCode(200)
                .body("events.type", hasItem("REQUEUED"))
                .body("events.findAll { it.type == 'ASSIGNED' }.detail", contains("alice", "bob"));
        as("alice").get("/api/me/requests").then().body("", empty());
        as("alice").get("/api/requests/" + id).then().statusCode(404);
        as("bob").get("/api/me/requests").then().body("id", contains(id.toString()));
        as("sam").get("/api/agents").then()
                .body("find { it.username == 'alice' }.openRequests", equalTo(0))
                .body("find { it.username == 'bob' }.openRequests", equalTo(1))
                .body("find { it.username == 'bob' }.holds.reference", hasItem(reference(id)));
    }

    @Test
    void aSupervisorRequeuesAndTheHoldingAgentHearsItLive() throws Exception {
        UUID id = assignedToAlice("+15550501");
        try (SseClient alicesStream = SseClient.open("http://localhost:" + RestAssured.port, "alice", Fixtures.PASSWORD)) {
            as("sam").post("/api/requests/" + id + "/requeue").then().statusCode(200)
                    .body("status", equalTo("QUEUED"))
                    .body("assignedTo", nullValue());
            alicesStream.await(PATIENCE, event -> "REQUEUED".equals(event.type())
                    && id.toString().equals(event.requestId()));
        }
        as("sam").get("/api/requests/" + id).then()
                .body("events.type", hasItem("REQUEUED"))
                .body("events.find { it.type == 'REQUEUED' }.detail", equalTo("by sam, taken from alice"));
        as("alice").get("/api/me/requests").then().body("", empty());
        as("sam").get("/api/agents").then().body("find { it.username == 'alice' }.openRequests", equalTo(0));
    }

    @Test
    void aRequestTakenFromAnAgentGoesToSomeoneElseNotStraightBack() {
        UUID id = assignedToAlice("+15550503");
        Fixtures.presence("alice", "AVAILABLE");
        as("sam").post("/api/requests/" + id + "/requeue").then().statusCode(200);
        UUID next = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550504", "Me too")).id();

        // Alice is free and gets the next request, not the one taken from her, which waits for Bob.
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/me/requests").then()
                .body("id", contains(next.toString())));
        as("sam").get("/api/requests/" + id).then().body("status", equalTo("QUEUED"));
        Fixtures.presence("bob", "AVAILABLE");
        await().atMost(PATIENCE).untilAsserted(() -> as("sam").get("/api/requests/" + id).then()
                .body("assignedTo", equalTo("bob")));
    }

    @Test
    void aPlainAgentIsRefusedAndAnAnsweredRequestCannotBeMoved() {
        UUID id = assignedToAlice("+15550502");
        as("alice").post("/api/requests/" + id + "/requeue").then().statusCode(403)
                .body("error", equalTo("Your account's roles do not allow this call"));
        as("alice").contentType(ContentType.JSON).body(Map.of("agent", "bob"))
                .post("/api/requests/" + id + "/reassign").then().statusCode(403);
        as("sam").contentType(ContentType.JSON).body(Map.of("agent", "bob"))
                .post("/api/requests/" + id + "/reassign").then().statusCode(409)
                .body("error", equalTo("bob is offline and cannot take request " + reference(id)));
        as("sam").contentType(ContentType.JSON).body(Map.of("agent", "nobody"))
                .post("/api/requests/" + id + "/reassign").then().statusCode(422);
        as("sam").contentType(ContentType.JSON).body(Map.of("agent", "alice"))
                .post("/api/requests/" + id + "/reassign").then().statusCode(409);

        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Done."))
                .post("/api/requests/" + id + "/reply").then().statusCode(201);
        Fixtures.presence("bob", "AVAILABLE");
        as("sam").post("/api/requests/" + id + "/requeue").then().statusCode(409);
        as("sam").contentType(ContentType.JSON).body(Map.of("agent", "bob"))
                .post("/api/requests/" + id + "/reassign").then().statusCode(409);
        as("sam").get("/api/requests/" + id).then().body("events.findAll { it.type == 'ASSIGNED' }", hasSize(1));
        as("sam").post("/api/requests/" + UUID.randomUUID() + "/requeue").then().statusCode(404);
    }

    private UUID assignedToAlice(String phone) {
        Fixtures.presence("alice", "AVAILABLE");
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, phone, "Help me")).id();
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/api/requests/" + id).then()
                .statusCode(200).body("assignedTo", equalTo("alice")));
        // Alice steps away, so the dispatcher does not hand the requeued request straight back to her.
        Fixtures.presence("alice", "AWAY");
        return id;
    }

    private static String reference(UUID id) {
        return as("sam").get("/api/requests/" + id).then().extract().path("reference");
    }

}
