package dev.nohold.core.api;

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
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Every refused call answers a clear 4xx with {@code {"error": …}} and stores nothing. */
@QuarkusTest
class AgentApiRefusesBadInputTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("owner");
        Fixtures.createAgent("other");
    }

    @Test
    void aCallWithoutCredentialsIsChallengedWithAJsonError() {
        given().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", notNullValue());
        given().auth().preemptive().basic("owner", "wrong-password").get("/api/me").then().statusCode(401)
                .body("error", notNullValue());
    }

    @Test
    void anAgentCannotUseAdminOrSupervisorCalls() {
        as("owner").contentType(ContentType.JSON)
                .body(Map.of("username", "intruder", "password", "password-123"))
                .post("/api/admin/agents").then().statusCode(403).body("error", notNullValue());
        as("owner").get("/api/queue").then().statusCode(403).body("error", notNullValue());
    }

    @Test
    void anUnknownRequestIsNotFound() {
        as("admin").get("/api/requests/" + UUID.randomUUID()).then().statusCode(404).body("error", notNullValue());
        as("admin").get("/api/requests/not-a-uuid").then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void anotherAgentsRequestIsInvisibleAndCannotBeAnswered() {
        IntakeReceipt receipt = assignedToOwner();
        as("other").get("/api/requests/" + receipt.id()).then().statusCode(404).body("error", notNullValue());
        as("other").get("/api/requests/" + receipt.id() + "/audio").then().statusCode(404);
        as("other").get("/api/requests").then().statusCode(200).header("X-Total-Count", "0");

        as("other").contentType(ContentType.JSON).body(Map.of("text", "not mine"))
                .post("/api/requests/" + receipt.id() + "/reply")
                .then().statusCode(409).body("error", containsString("not assigned to you"));
        as("owner").get("/api/requests/" + receipt.id()).then()
                .body("status", equalTo("ASSIGNED"))
                .body("replies", empty());
    }

    @Test
    void aReplyMustHaveTextOfAReasonableSize() {
        IntakeReceipt receipt = assignedToOwner();
        as("owner").contentType(ContentType.JSON).body(Map.of("text", "  "))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(400).body("error", notNullValue());
        as("owner").contentType(ContentType.JSON).body(Map.of("text", "x".repeat(10_001)))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(413).body("error", notNullValue());
        as("owner").contentType(ContentType.JSON).body("{\"text\": ")
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(400).body("error", notNullValue());
        as("owner").get("/api/requests/" + receipt.id()).then()
                .body("status", equalTo("ASSIGNED"))
                .body("replies", empty());
    }

    @Test
    void aBodyOverThePlatformsLimitIsRefusedUnreadWithAJsonError() {
        IntakeReceipt receipt = assignedToOwner();
        as("owner").contentType(ContentType.JSON).body(new byte[21 * 1024 * 1024])
                .post("/api/requests/" + receipt.id() + "/reply")
                .then().statusCode(413).body("error", containsString("larger than"));
        as("owner").get("/api/requests/" + receipt.id()).then().body("replies", empty());
    }

    @Test
    void aReplyToAnAnsweredRequestIsAConflict() {
        IntakeReceipt receipt = assignedToOwner();
        as("owner").contentType(ContentType.JSON).body(Map.of("text", "first answer"))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(201);
        as("owner").contentType(ContentType.JSON).body(Map.of("text", "second answer"))
                .post("/api/requests/" + receipt.id() + "/reply").then().statusCode(409);
        as("owner").get("/api/requests/" + receipt.id()).then().body("replies.text", equalTo(List.of("first answer")));
    }

    @Test
    void badAgentDefinitionsAndPresencesAreRefused() {
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "owner", "password", "password-123"))
                .post("/api/admin/agents").then().statusCode(409).body("error", containsString("already exists"));
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "shorty", "password", "short"))
                .post("/api/admin/agents").then().statusCode(400).body("error", containsString("password"));
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "roleless", "password", "password-123", "roles", List.of("wizard")))
                .post("/api/admin/agents").then().statusCode(400).body("error", containsString("wizard"));
        as("owner").contentType(ContentType.JSON).body(Map.of("status", "SLEEPING"))
                .put("/api/me/presence").then().statusCode(400).body("error", containsString("SLEEPING"));
        as("admin").get("/api/requests?size=501").then().statusCode(400).body("error", notNullValue());
        as("admin").get("/api/requests?status=LOST").then().statusCode(400).body("error", containsString("LOST"));
    }

    @Test
    void theApiListsRequestsNewestFirstWithTheirTotal() {
        IntakeReceipt first = intake.submit(InboundMessage.text(RecordingChannel.ID, "a", "first"));
        IntakeReceipt second = intake.submit(InboundMessage.text(RecordingChannel.ID, "b", "second"));
        as("admin").get("/api/requests?size=1").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("reference", equalTo(List.of(second.reference())));
        as("admin").get("/api/requests?status=QUEUED&page=1&size=1").then()
                .body("reference", equalTo(List.of(first.reference())));
        as("admin").get("/api/queue").then().statusCode(200)
                .body("counts.QUEUED", equalTo(2))
                .body("agents.OFFLINE", equalTo(3));
    }

    private IntakeReceipt assignedToOwner() {
        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer", "help"));
        Fixtures.presence("owner", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("owner").get("/api/requests/" + receipt.id())
                .then().statusCode(200).body("status", equalTo("ASSIGNED")));
        return receipt;
    }
}
