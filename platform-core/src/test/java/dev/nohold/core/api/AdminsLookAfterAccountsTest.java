package dev.nohold.core.api;

import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** Admins edit, disable, enable agents and reset their passwords; nobody else may. */
@QuarkusTest
class AdminsLookAfterAccountsTest {

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
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void anAdminEditsWhatIsGivenAndLeavesTheRest() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("displayName", "Alice Liddell", "skills", List.of("Billing", " refunds "),
                        "capacity", 3, "phone", "+14155550100", "roles", List.of("agent", "supervisor")))
                .patch("/api/admin/agents/alice").then().statusCode(200)
                .body("displayName", equalTo("Alice Liddell"))
                .body("skills", contains("billing", "refunds"))
                .body("capacity", equalTo(3))
                .body("phone", equalTo("+14155550100"))
                .body("roles", contains("agent", "supervisor"));
        as("admin").contentType(ContentType.JSON).body(Map.of("phone", ""))
                .patch("/api/admin/agents/alice").then().statusCode(200)
                .body("phone", nullValue()).body("capacity", equalTo(3));
        as("alice").get("/api/queue").then().statusCode(200);

        as("admin").contentType(ContentType.JSON).body(Map.of("capacity", 0))
                .patch("/api/admin/agents/alice").then().statusCode(400)
                .body("error", equalTo("capacity is at least 1"));
        as("admin").contentType(ContentType.JSON).body(Map.of("roles", List.of("boss")))
                .patch("/api/admin/agents/alice").then().statusCode(400);
        as("admin").contentType(ContentType.JSON).body(Map.of("roles", List.of("agent")))
                .patch("/api/admin/agents/admin").then().statusCode(409);
        as("admin").contentType(ContentType.JSON).body(Map.of("capacity", 2))
                .patch("/api/admin/agents/nobody").then().statusCode(404);
        as("sam").contentType(ContentType.JSON).body(Map.of("capacity", 2))
                .patch("/api/admin/agents/alice").then().statusCode(403);
    }

    @Test
    void anAdminChangesTheLanguagesAnAgentAnswersIn() {
        as("admin").contentType(ContentType.JSON).body(Map.of("languages", List.of("FR", "en-CA")))
                .patch("/api/admin/agents/alice").then().statusCode(200)
                .body("languages", contains("fr", "en-ca"));
        as("alice").get("/api/me").then().body("languages", contains("fr", "en-ca"));
        as("admin").contentType(ContentType.JSON).body(Map.of("languages", List.of("not a tag")))
                .patch("/api/admin/agents/alice").then().statusCode(400)
                .body("error", equalTo("a language is a tag like en or fr-CA"));
    }

    @Test
    void anAdminSetsOrGeneratesAPasswordAndTheOldOneStopsWorking() {
        as("admin").contentType(ContentType.JSON).body(Map.of("password", "short"))
                .post("/api/admin/agents/alice/password").then().statusCode(400);
        as("admin").contentType(ContentType.JSON).body(Map.of("password", "alices-new-password"))
                .post("/api/admin/agents/alice/password").then().statusCode(200)
                .body("generatedPassword", nullValue());
        given().auth().preemptive().basic("alice", "alices-new-password").get("/api/me").then().statusCode(200);
        as("alice").get("/api/me").then().statusCode(401);

        String generated = as("admin").contentType(ContentType.JSON).body(Map.of())
                .post("/api/admin/agents/alice/password").then().statusCode(200)
                .body("generatedPassword", matchesPattern("[A-Za-z0-9]{16}"))
                .extract().path("generatedPassword");
        given().auth().preemptive().basic("alice", generated).get("/api/me").then().statusCode(200);
        as("sam").contentType(ContentType.JSON).body(Map.of())
                .post("/api/admin/agents/alice/password").then().statusCode(403);
    }
}
