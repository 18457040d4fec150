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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat follows its request: the place in line moves as others are taken, a recorded answer plays in the chat,
 * and an answer left unread goes out by SMS to the number the customer left, through the core.
 */
@QuarkusTest
class ChatFollowsTheRequestTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @Inject
    SmsStandIn sms;

    @BeforeEach
    void clean() throws Exception {
        ChatTests.reset(dataSource, limits);
        sms.notices().clear();
        Fixtures.createAgent("alice");
    }

    @Test
    void thePlaceInLineMovesAsTheRequestsAheadAreTaken() {
        try (ChatClient first = ChatClient.open(base, null, 0);
             ChatClient second = ChatClient.open(base, null, 0)) {
            first.say("m-1", "First in line");
            first.awaitMessage("notice", "is taken");
            String firstRequest = ChatTests.newestChatRequest();
            second.say("m-1", "Second in line");
            second.await("second waits at place 2", frame -> "standing".equals(frame.path("type").asText())
                    && frame.path("position").asInt() == 2);

            ChatTests.agentTakes("alice", firstRequest);

            second.await("second moves up to place 1", frame -> "standing".equals(frame.path("type").asText())
                    && "waiting".equals(frame.path("state").asText()) && frame.path("position").asInt() == 1);
            first.await("first is with an agent", frame -> "with-agent".equals(frame.path("state").asText()));
        }
    }

    @Test
    void aRecordedAnswerPlaysInTheChatFromItsOwnAddressOnly() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of(getClass().getResource(ChatBrowser.SPOKEN).toURI()));
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "Please call me back");
            browser.awaitMessage("notice", "is taken");
            String requestId = ChatTests.newestChatRequest();
            ChatTests.agentTakes("alice", requestId);

            as("alice").multiPart("text", "Here is my answer, spoken.")
                    .multiPart("audio", "answer.wav", wav, "audio/wav")
                    .post("/api/requests/" + requestId + "/reply").then().statusCode(201);

            JsonNode answer = browser.awaitMessage("agent", "spoken");
            String audio = answer.path("audio").asText();
            assertTrue(audio.startsWith("/chat/audio/"), answer.toString());
            byte[] served = given().get(audio).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
            assertArrayEquals(wav, served);
            given().get("/chat/audio/" + UUID.randomUUID()).then().statusCode(404);
        }
    }

    @Test
    void anAnswerLeftUnreadGoesOutBySmsToTheNumberLeft() {
        String requestId;
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "I will not come back to this page");
            browser.awaitMessage("notice", "is taken");
            browser.send(Map.of("type", "phone", "number", "not a number"));
            browser.awaitError("cannot be used");
            browser.send(Map.of("type", "phone", "number", "+44 20 7946 0018"));
            browser.awaitMessage("notice", "sent by SMS to +442079460018");
            requestId = ChatTests.newestChatRequest();
        }
        ChatTests.agentTakes("alice", requestId);
        ChatTests.reply("alice", requestId, "Your refund was sent today.");

        await().atMost(Duration.ofSeconds(30)).until(() -> !sms.notices().isEmpty());
        assertEquals(new SmsStandIn.Notice("+442079460018", "The answer to your chat: Your refund was sent today."),
                sms.notices().getFirst());
        await("sent once, however often the sweep runs").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .until(() -> sms.notices().size() == 1);
        as("alice").get("/api/requests/" + requestId).then().body("deliveries[0].status", equalTo("SENT"));
    }
}
