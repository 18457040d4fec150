package dev.nohold.core.session;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Disabling an account logs it out everywhere, keeps it out, and hands its open work back to the queue. */
@QuarkusTest
class DisabledAgentsAreLoggedOutTest {

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
    void aDisabledAgentCannotLogInLosesTheirSessionsAndTheirWorkIsRequeued() {
        Browser alicesBrowser = new Browser();
        alicesBrowser.logIn("alice", Fixtures.PASSWORD).then().statusCode(303);
        alicesBrowser.get("/api/me").then().statusCode(200);
        Fixtures.presence("alice", "AVAILABLE");
        UUID id = intake.submit(InboundMessage.text(RecordingChannel.ID, "+15551000", "Help")).id();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/requests/" + id).then()
                .body("assignedTo", equalTo("alice")));

        as("sam").post("/api/admin/agents/alice/disable").then().statusCode(403);
        as("admin").post("/api/admin/agents/admin/disable").then().statusCode(409);
        as("admin").post("/api/admin/agents/alice/disable").then().statusCode(200)
                .body("presence", equalTo("OFFLINE"));

        as("sam").get("/api/requests/" + id).then().body("status", equalTo("QUEUED"))
                .body("assignedTo", nullValue())
                .body("events.find { it.type == 'REQUEUED' }.detail", equalTo("agent alice was disabled by admin"));
        as("sam").get("/api/agents").then().body("find { it.username == 'alice' }.disabled", equalTo(true))
                .body("find { it.username == 'alice' }.openRequests", equalTo(0));
        alicesBrowser.get("/api/me").then().statusCode(401);
        as("alice").get("/api/me").then().statusCode(401);
        new Browser().logIn("alice", Fixtures.PASSWORD).then().statusCode(401)
                .body(containsString("This account is disabled; ask an admin."));
        new Browser().logIn("alice", "wrong-password").then().statusCode(401)
                .body(containsString("Wrong username or password."));

        as("admin").post("/api/admin/agents/alice/enable").then().statusCode(200);
        as("alice").get("/api/me").then().statusCode(200).body("presence", equalTo("OFFLINE"));
        new Browser().logIn("alice", Fixtures.PASSWORD).then().statusCode(303);
    }
}
