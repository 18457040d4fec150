package dev.nohold.core.api;

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
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** An agent looks up the customers of requests they may see; a supervisor any customer; nobody an unknown one. */
@QuarkusTest
class CustomerApiShowsAgentsOnlyTheirCustomersTest {

    @Inject
    Intake intake;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        Fixtures.reset(dataSource);
    }

    @Test
    void anAgentSeesTheCustomerOfTheirRequestAndNoOther() {
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
        Fixtures.createAgent("sue", "supervisor");
        IntakeReceipt mine = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-a", "Hello"));
        Fixtures.presence("alice", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/me/requests").then().body("id", contains(mine.id().toString())));
        IntakeReceipt other = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-b", "Hi"));
        String customerA = as("alice").get("/api/requests/" + mine.id()).then().statusCode(200)
                .body("customerId", notNullValue()).extract().path("customerId");
        String customerB = as("admin").get("/api/requests/" + other.id()).then().statusCode(200)
                .extract().path("customerId");

        as("alice").get("/api/customers/" + customerA).then().statusCode(200)
                .body("addresses.channel", contains(RecordingChannel.ID))
                .body("addresses.address", contains("customer-a"))
                .body("requests.reference", contains(mine.reference()))
                .body("requests[0].status", equalTo("ASSIGNED"))
                .body("requests[0].createdAt", notNullValue());
        as("alice").get("/api/customers/" + customerB).then().statusCode(404).body("error", notNullValue());
        as("bob").get("/api/customers/" + customerA).then().statusCode(404);
        as("sue").get("/api/customers/" + customerB).then().statusCode(200)
                .body("requests.reference", contains(other.reference()));
        as("admin").get("/api/customers/" + UUID.randomUUID()).then().statusCode(404);
    }
}
