package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an agent free at the moment of contact the chat is live: both ways, typing, the agent's name, and its end. */
@QuarkusTest
class LiveChatWhenAnAgentIsFreeTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @BeforeEach
    void clean() throws Exception {
        ChatTests.reset(dataSource, limits);
        Fixtures.createAgent("alice");
        Fixtures.createAgent("bob");
    }

    @Test
    void theCustomerTalksLiveWithTheFreeAgentUntilTheAgentEndsTheChat() throws Exception {
        Fixtures.presence("alice", "AVAILABLE");
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "Hi, my order is late");

            browser.awaitMessage("notice", "You are talking with Agent alice");
            JsonNode standing = browser.await("live standing", frame -> "live".equals(frame.path("state").asText()));
            assertEquals("Agent alice", standing.path("agent").asText());
            String requestId = ChatTests.newestChatRequest();
            as("alice").get("/api/requests/" + requestId).then().body("status", equalTo("ASSIGNED"))
                    .body("assignedTo", equalTo("alice"));
            as("alice").get("/api/chat/requests/" + requestId).then().statusCode(200)
                    .body("live", equalTo(true)).body("messages.text", hasItem("Hi, my order is late"));

            as("alice").post("/api/chat/requests/" + requestId + "/typing").then().statusCode(204);
            browser.await("typing", frame -> "typing".equals(frame.path("type").asText()));
            as("alice").contentType(ContentType.JSON).body(Map.of("text", "Sorry to hear that. Which order?"))
                    .post("/api/chat/requests/" + requestId + "/messages").then().statusCode(201);
            browser.awaitMessage("agent", "Which order?");

            for (int i = 0; i < 5; i++) {
                browser.send(Map.of("type", "typing"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> customerTypingSignals(requestId) == 1);
            browser.say("m-2", "Order 5521");
            await().atMost(Duration.ofSeconds(30)).until(() -> as("alice").get("/api/requests/" + requestId)
                    .jsonPath().<String>getList("messages.text").contains("Order 5521"));
            as("alice").get("/api/requests/" + requestId).then().body("status", equalTo("ASSIGNED"));

            as("bob").contentType(ContentType.JSON).body(Map.of("text", "Not mine"))
                    .post("/api/chat/requests/" + requestId + "/messages").then().statusCode(409);
            as("bob").get("/api/chat/requests/" + requestId).then().statusCode(403);

            as("alice").post("/api/chat/requests/" + requestId + "/end").then().statusCode(204);
            browser.awaitMessage("ended", "ended the chat");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(
                    as("alice").get("/api/requests/" + requestId).jsonPath().getString("status")));
            List<String> kinds = browser.messages().stream().map(message -> message.path("kind").asText()).toList();
            assertTrue(kinds.indexOf("agent") < kinds.indexOf("ended"), kinds.toString());
        }
        assertEquals(1, customerTypingSignals(ChatTests.newestChatRequest()), "a burst of typing is told once");
    }

    @Test
    void aFollowUpWhileNobodyIsFreeReopensTheChatButNotLiveForTheNextAgent() {
        Fixtures.presence("alice", "AVAILABLE");
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "Quick question");
            browser.awaitMessage("notice", "You are talking with Agent alice");
            String requestId = ChatTests.newestChatRequest();
            as("alice").post("/api/chat/requests/" + requestId + "/end").then().statusCode(204);
            browser.awaitMessage("ended", "ended the chat");
            Fixtures.presence("alice", "OFFLINE");

            browser.say("m-2", "One more thing");
            browser.awaitMessage("customer", "One more thing");
            Fixtures.presence("bob", "AVAILABLE");

            await().atMost(Duration.ofSeconds(30)).until(() -> "bob".equals(
                    as("bob").get("/api/requests/" + requestId).jsonPath().getString("assignedTo")));
            browser.await("with an agent, not live", frame -> "with-agent".equals(frame.path("state").asText()));
            as("bob").get("/api/chat/requests/" + requestId).then().statusCode(200).body("live", equalTo(false));
            as("bob").contentType(ContentType.JSON).body(Map.of("text", "Hi"))
                    .post("/api/chat/requests/" + requestId + "/messages").then().statusCode(409);
        }
    }

    /** The customer's typing as the agent's event stream hears it: chat signals on the request. */
    private long customerTypingSignals(String requestId) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "select count(*) from live_event where request_id = ?::uuid and type = 'CHANNEL_SIGNAL'"
                        + " and detail = 'webchat:customer-typing'")) {
            query.setString(1, requestId);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
