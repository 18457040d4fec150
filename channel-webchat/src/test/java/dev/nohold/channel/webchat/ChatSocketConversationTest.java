package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nohold.core.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deferred chat over the socket: taken with a reference and a place, answered, acknowledged, resumed. */
@QuarkusTest
class ChatSocketConversationTest {

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
    }

    @Test
    void aMessageWithNoAgentFreeIsTakenWithItsReferenceAndPlaceInLine() {
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "My parcel never came");

            JsonNode said = browser.awaitMessage("customer", "My parcel never came");
            assertEquals("m-1", said.path("clientId").asText());
            JsonNode notice = browser.awaitMessage("notice", "is taken");
            String reference = ChatTests.reference(notice);
            assertNotNull(reference, notice.toString());
            JsonNode standing = browser.await("standing: waiting", frame -> "standing".equals(frame.path("type").asText())
                    && "waiting".equals(frame.path("state").asText()));
            assertEquals(reference, standing.path("reference").asText());
            assertEquals(1, standing.path("position").asInt());
        }
    }

    @Test
    void anAnswerIsDeliveredOnlyOnceTheBrowserAcknowledgedIt() {
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "Is the shop open on Sunday?");
            browser.awaitMessage("notice", "is taken");
            String requestId = ChatTests.newestChatRequest();
            ChatTests.agentTakes("alice", requestId);

            ChatTests.reply("alice", requestId, "Yes, from ten to four.");

            JsonNode answer = browser.awaitMessage("agent", "from ten to four");
            assertEquals("alice", answer.path("by").asText());
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(ChatTests.deliveryStatus("alice", requestId)));
            assertEquals("SENT", ChatTests.deliveryStatus("alice", requestId), "shown is not yet acknowledged");

            browser.send(java.util.Map.of("type", "ack", "id", answer.path("id").asLong()));

            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(ChatTests.deliveryStatus("alice", requestId)));
        }
    }

    @Test
    void anAnswerThatCameWhileTheBrowserWasAwayIsShownWhenItReturnsWithoutLossOrRepeats() {
        String token;
        long lastSeen;
        String requestId;
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            token = browser.token();
            browser.say("m-1", "Can I change my delivery address?");
            browser.awaitMessage("notice", "is taken");
            lastSeen = browser.messages().getLast().path("id").asLong();
            requestId = ChatTests.newestChatRequest();
        }
        ChatTests.agentTakes("alice", requestId);
        ChatTests.reply("alice", requestId, "Yes, until the parcel leaves the depot.");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(ChatTests.deliveryStatus("alice", requestId)));

        try (ChatClient returning = ChatClient.open(base, token, lastSeen)) {
            returning.awaitMessage("agent", "until the parcel leaves");
            returning.say("m-1", "Can I change my delivery address?");
            returning.say("m-2", "Thanks!");
            returning.awaitMessage("customer", "Thanks!");

            List<Long> ids = returning.messages().stream().map(message -> message.path("id").asLong()).toList();
            assertTrue(ids.stream().allMatch(id -> id > lastSeen), "nothing seen before is sent again: " + ids);
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no message twice: " + ids);
            assertTrue(returning.messages().stream()
                    .noneMatch(message -> message.path("text").asText().contains("delivery address")),
                    "the resent first message is not stored again");
        }
        try (ChatClient fromTheStart = ChatClient.open(base, token, 0)) {
            fromTheStart.awaitMessage("customer", "Thanks!");
            List<String> texts = fromTheStart.messages().stream().map(message -> message.path("text").asText()).toList();
            assertEquals(1, texts.stream().filter(text -> text.equals("Can I change my delivery address?")).count(), texts.toString());
            assertEquals(1, texts.stream().filter(text -> text.contains("until the parcel leaves")).count(), texts.toString());
        }
    }

    @Test
    void oneBrowserNeverSeesAnothersConversation() {
        try (ChatClient first = ChatClient.open(base, null, 0);
             ChatClient second = ChatClient.open(base, null, 0)) {
            assertNotEquals(first.token(), second.token());
            first.say("m-1", "My account number is 12345");
            first.awaitMessage("notice", "is taken");
            second.say("m-1", "Hello");
            second.awaitMessage("notice", "is taken");

            assertTrue(second.messages().stream().noneMatch(message -> message.path("text").asText().contains("12345")));
        }
        try (ChatClient guessing = ChatClient.open(base, "x".repeat(43), 0)) {
            assertNotNull(guessing.token(), "a token nobody issued gets a new visitor");
            assertNotEquals("x".repeat(43), guessing.token());
            guessing.await("standing", frame -> "standing".equals(frame.path("type").asText()));
            assertTrue(guessing.messages().isEmpty(), "a guessed token opens an empty conversation");
        }
    }
}
