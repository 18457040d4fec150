package dev.nohold.core.api;

import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.Intake;
import dev.nohold.core.testing.Fixtures;
import dev.nohold.core.testing.RecordingChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Full-text search over requests, with filters and paging, scoped to what the caller may see. */
@QuarkusTest
class SearchFindsRequestsByTheirWordsTest {

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
    void anotherFormOfAWordFindsTheRequest() {
        UUID refund = submit("+15550700", "I want a refund for order 42");
        UUID charged = submit("+15550701", "You charged my card twice");
        submit("+15550702", "Where is my parcel?");

        as("sam").queryParam("q", "refunds").get("/api/requests").then().statusCode(200)
                .header("X-Total-Count", "1").body("id", containsInAnyOrder(refund.toString()));
        as("sam").queryParam("q", "charging").get("/api/requests").then()
                .body("id", containsInAnyOrder(charged.toString()));
        as("sam").queryParam("q", "refund or card").get("/api/requests").then()
                .header("X-Total-Count", "2");
        as("sam").queryParam("q", "\"card twice\" -refund").get("/api/requests").then()
                .body("id", containsInAnyOrder(charged.toString()));
        as("sam").queryParam("customer", "0700").get("/api/requests").then()
                .body("id", containsInAnyOrder(refund.toString()));
        String reference = as("sam").get("/api/requests/" + refund).then().extract().path("reference");
        as("sam").queryParam("q", reference.toLowerCase()).get("/api/requests").then()
                .body("id", containsInAnyOrder(refund.toString()));
    }

    @Test
    void pagesAddUpToTheTotalAndFiltersNarrowIt() {
        for (int i = 0; i < 25; i++) {
            submit("+1555071" + String.format("%02d", i), "Parcel number " + i + " is late");
        }
        submit("+15550799", "Nothing to do with it");

        as("sam").queryParam("q", "parcels").queryParam("size", 10).get("/api/requests").then()
                .header("X-Total-Count", "25").body("", hasSize(10));
        as("sam").queryParam("q", "parcels").queryParam("size", 10).queryParam("page", 2).get("/api/requests").then()
                .header("X-Total-Count", "25").body("", hasSize(5))
                .body("[4].text", equalTo("Parcel number 0 is late"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        as("sam").queryParam("q", "parcel").queryParam("from", today).queryParam("to", today)
                .queryParam("status", "queued").queryParam("channel", RecordingChannel.ID)
                .get("/api/requests").then().header("X-Total-Count", "25");
        as("sam").queryParam("q", "parcel").queryParam("from", tomorrow).get("/api/requests").then()
                .header("X-Total-Count", "0");
        as("sam").queryParam("q", "parcel").queryParam("status", "DELIVERED").get("/api/requests").then()
                .header("X-Total-Count", "0");
        as("sam").queryParam("from", "last week").get("/api/requests").then().statusCode(400)
                .body("error", equalTo("from must be a date like 2026-12-02 or an instant like"
                        + " 2026-12-02T09:30:00Z, not 'last week'"));
        as("sam").queryParam("size", 501).get("/api/requests").then().statusCode(400);
    }

    @Test
    void anAgentsSearchFindsOnlyTheirOwnRequests() {
        Fixtures.presence("alice", "AVAILABLE");
        UUID alices = submit("+15550720", "Refund for the blue shoes");
        awaitAssigned(alices, "alice");
        Fixtures.presence("alice", "AWAY");
        Fixtures.presence("bob", "AVAILABLE");
        UUID bobs = submit("+15550721", "Refund for the red shoes");
        awaitAssigned(bobs, "bob");
        as("alice").contentType(ContentType.JSON).body(Map.of("text", "Done"))
                .post("/api/requests/" + alices + "/reply").then().statusCode(201);

        as("alice").queryParam("q", "refunds shoe").get("/api/requests").then()
                .header("X-Total-Count", "1").body("id", containsInAnyOrder(alices.toString()));
        as("bob").queryParam("q", "refunds shoe").get("/api/requests").then()
                .header("X-Total-Count", "1").body("id", containsInAnyOrder(bobs.toString()));
        as("sam").queryParam("q", "refunds shoe").get("/api/requests").then()
                .header("X-Total-Count", "2");
    }

    private UUID submit(String phone, String text) {
        return intake.submit(InboundMessage.text(RecordingChannel.ID, phone, text)).id();
    }

    private static void awaitAssigned(UUID id, String agent) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(agent).get("/api/requests/" + id).then()
                .statusCode(200).body("assignedTo", equalTo(agent)));
    }
}
