package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nohold.core.testing.Fixtures;
import io.restassured.http.ContentType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;

/** What the chat's tests share: a clean database, and the agent's side through the core's API. */
final class ChatTests {

    private ChatTests() {
    }

    /** A clean database and fresh message counts (every test browser comes from the same address). */
    static void reset(DataSource dataSource, ChatLimits limits) throws SQLException {
        limits.forget();
        reset(dataSource);
    }

    static void reset(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("truncate webchat_message, webchat_visitor, webchat_live cascade");
            sql.execute("truncate flow_conversation cascade");
        }
        Fixtures.reset(dataSource);
    }

    /** The agent becomes available and waits until the request is theirs. */
    static void agentTakes(String agent, String requestId) {
        Fixtures.presence(agent, "AVAILABLE");
        await().atMost(Duration.ofSeconds(30)).until(() -> as(agent).get("/api/me/requests").jsonPath()
                .<String>getList("id").contains(requestId));
    }

    static void reply(String agent, String requestId, String text) {
        as(agent).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/requests/" + requestId + "/reply").then().statusCode(201);
    }

    /** The status of the request's (first) delivery, as the inbox shows it. */
    static String deliveryStatus(String agent, String requestId) {
        List<String> statuses = as(agent).get("/api/requests/" + requestId).jsonPath().getList("deliveries.status");
        return statuses.isEmpty() ? null : statuses.getFirst();
    }

    /** The request id of the customer's newest request on the webchat channel. */
    static String newestChatRequest() {
        return as("admin").get("/api/requests?channel=webchat").jsonPath().getString("[0].id");
    }

    static String reference(JsonNode notice) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("request (\\S+) is taken")
                .matcher(notice.path("text").asText());
        return matcher.find() ? matcher.group(1) : null;
    }
}
