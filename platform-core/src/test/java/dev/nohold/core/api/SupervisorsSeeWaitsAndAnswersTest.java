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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/queue adds depth per channel, answers per hour, average and 90th-percentile waits and who holds what. */
@QuarkusTest
class SupervisorsSeeWaitsAndAnswersTest {

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
        Fixtures.createAgent("alice", 20, List.of());
        Fixtures.createAgent("sam", "supervisor");
    }

    @Test
    void waitsAreAveragedAndTheirNinetiethPercentileTakenOverTheWindow() throws Exception {
        as("sam").get("/api/queue").then().statusCode(200)
                .body("averageWaitSeconds", nullValue())
                .body("p90WaitSeconds", nullValue())
                .body("waitsCounted", equalTo(0))
                .body("answeredPerHour", hasSize(24))
                .body("counts.QUEUED", equalTo(0));

        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ids.add(intake.submit(InboundMessage.text(RecordingChannel.ID, "+155509" + String.format("%02d", i),
                    "Question " + i)).id());
        }
        as("sam").get("/api/queue").then().body("countsByChannel.test.QUEUED", equalTo(11));
        Fixtures.presence("alice", "AVAILABLE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/queue").then()
                .body("counts.ASSIGNED", equalTo(11)));
        // Waits of 10, 20, … 100 seconds within the hour, and one of 1000 seconds assigned two hours ago.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement wait = connection.prepareStatement("update customer_request"
                     + " set assigned_at = now() - cast(? as interval), queued_at = now() - cast(? as interval)"
                     + " where id = ?")) {
            for (int i = 0; i < 11; i++) {
                boolean old = i == 10;
                wait.setString(1, old ? "2 hours" : "1 minute");
                wait.setString(2, old ? "2 hours 1000 seconds" : "1 minute " + (i + 1) * 10 + " seconds");
                wait.setObject(3, ids.get(i));
                wait.executeUpdate();
            }
        }

        as("sam").get("/api/queue").then()
                .body("averageWaitSeconds", equalTo(55.0f))
                .body("p90WaitSeconds", equalTo(91.0f))
                .body("waitsCounted", equalTo(10))
                .body("waitWindowSeconds", equalTo(3600))
                .body("countsByChannel.test.ASSIGNED", equalTo(11))
                .body("holders.find { it.username == 'alice' }.holds", hasSize(11))
                .body("holders.find { it.username == 'alice' }.presence", equalTo("AVAILABLE"))
                .body("answeredLastHour", equalTo(0))
                .body("oldestWaitSeconds", notNullValue());

        for (UUID id : ids.subList(0, 2)) {
            as("alice").contentType(ContentType.JSON).body(Map.of("text", "Answered"))
                    .post("/api/requests/" + id + "/reply").then().statusCode(201);
        }
        as("sam").get("/api/queue").then()
                .body("answeredLastHour", equalTo(2))
                .body("answeredPerHour[23].count", equalTo(2))
                .body("answeredPerHour[22].count", equalTo(0))
                .body("holders.find { it.username == 'alice' }.holds", hasSize(9));
        as("alice").get("/api/queue").then().statusCode(403);
    }
}
