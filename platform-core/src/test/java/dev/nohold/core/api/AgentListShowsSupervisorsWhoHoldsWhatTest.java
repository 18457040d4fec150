package dev.nohold.core.api;

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

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Supervisors and admins see every agent's presence and open requests; agents do not see their colleagues. */
@QuarkusTest
class AgentListShowsSupervisorsWhoHoldsWhatTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
        Fixtures.createAgent("bea");
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void supervisorsSeeEachAgentsPresenceAndOpenRequests() {
        Fixtures.presence("bea", "AVAILABLE");
        intake.submit(InboundMessage.text(RecordingChannel.ID, "+15550300", "Hello"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as("sam").get("/api/agents").then()
                .statusCode(200)
                .body("username", contains("admin", "bea", "sam"))
                .body("find { it.username == 'bea' }.presence", equalTo("AVAILABLE"))
                .body("find { it.username == 'bea' }.openRequests", equalTo(1)));
        as("admin").get("/api/agents").then().statusCode(200).body("username", contains("admin", "bea", "sam"));
    }

    @Test
    void anAgentIsRefused() {
        as("bea").get("/api/agents").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/agents").then().statusCode(401);
    }
}
