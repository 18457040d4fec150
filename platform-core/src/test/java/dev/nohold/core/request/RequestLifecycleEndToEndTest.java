package dev.nohold.core.request;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RequestLifecycleEndToEndTest {

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
    }

    @Test
    void aRequestLeftWhileNobodyIsFreeReachesTheNextIdleAgentAndTheAnswerGoesBack() {
        Fixtures.createAgent("alice");
        IntakeReceipt receipt = intake.submit(InboundMessage.text(RecordingChannel.ID, "customer-1", "My order is late"));
        assertEquals(RequestStatus.QUEUED, receipt.status());

        as("admin").get("/api/requests/" + receipt.id()).then().statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("reference", equalTo(receipt.reference()));

        Fixtures.presence("alice", "AVAILABLE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/me/requests").then().statusCode(200)
                        .body("reference", contains(receipt.reference()))
                        .body("[0].text", equalTo("My order is late")));

        as("alice").contentType(ContentType.JSON).body(Map.of("text", "It ships tomorrow."))
                .post("/api/requests/" + receipt.id() + "/reply")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("alice").get("/api/requests/" + receipt.id()).then().statusCode(200)
                        .body("status", equalTo("DELIVERED")));
        assertEquals(List.of("It ships tomorrow."), channel.delivered().stream().map(r -> r.text()).toList());
        assertEquals("customer-1", channel.delivered().get(0).to());

        as("alice").get("/api/requests/" + receipt.id()).then()
                .body("assignedTo", equalTo("alice"))
                .body("replies", hasSize(1))
                .body("replies[0].by", equalTo("alice"))
                .body("deliveries[0].status", equalTo("DELIVERED"))
                .body("deliveries[0].attempts", equalTo(1))
                .body("events.type", contains("RECEIVED", "QUEUED", "ASSIGNED", "REPLIED", "ANSWERED",
                        "DELIVERY_ATTEMPT", "DELIVERED"))
                .body("events.find { it.type == 'ASSIGNED' }.detail", equalTo("alice"))
                .body("events[0].at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"));
    }
}
