package dev.nohold.channel.webchat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits, malformed and oversized frames and foreign origins: each refused with words the customer can act on, and
 * none of them breaks the socket, the server or anyone else's chat.
 */
@QuarkusTest
class ChatSocketRefusesWhatItCannotTakeTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @BeforeEach
    void clean() throws Exception {
        ChatTests.reset(dataSource, limits);
    }

    @Test
    void malformedFramesGetAnErrorAndTheSocketGoesOn() {
        try (ChatClient browser = ChatClient.connect(base, null)) {
            browser.say("m-0", "before hello");
            browser.awaitError("Say hello first");
            browser.hello(null, 0);

            browser.sendRaw("{not json");
            browser.awaitError("could not be read");
            browser.sendRaw("[1, 2, 3]");
            browser.sendRaw("{\"type\": \"dance\"}");
            browser.awaitError("Unknown message type");
            browser.send(Map.of("type", "say", "id", "", "text", "no id"));
            browser.awaitError("needs an id");
            browser.send(Map.of("type", "say", "id", "m-1", "text", "   "));
            browser.awaitError("nothing to send");
            browser.sendBinary(new byte[0]);
            browser.awaitError("voice note was empty");

            browser.say("m-2", "Still here?");
            browser.awaitMessage("customer", "Still here?");
            assertEquals(7, browser.errors().size(), browser.errors().toString());
        }
    }

    @Test
    void aMessageOrVoiceNoteOverTheLimitIsRefusedInWords() {
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            browser.say("m-1", "x".repeat(2001));
            browser.awaitError("too long: at most 2000 characters");
            browser.sendBinary(new byte[2_000_001]);
            browser.awaitError("voice note is too long");

            browser.say("m-2", "Short now");
            browser.awaitMessage("customer", "Short now");
            assertTrue(browser.messages().stream().noneMatch(message -> message.path("text").asText().startsWith("xxx")));
        }
    }

    @Test
    void aFrameLargerThanTheServerTakesClosesOnlyThatSocket() {
        try (ChatClient other = ChatClient.open(base, null, 0);
             ChatClient browser = ChatClient.open(base, null, 0)) {
            try {
                browser.sendBinary(new byte[4 * 1024 * 1024]);
            } catch (CompletionException closedWhileSending) {
                // the server may close the socket before the client finished writing: that is the refusal
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> browser.closedWith != null || !browser.isOpen());
            other.say("m-1", "Unaffected");
            other.awaitMessage("customer", "Unaffected");
            try (ChatClient returning = ChatClient.open(base, browser.token(), 0)) {
                returning.say("m-1", "Back again");
                returning.awaitMessage("customer", "Back again");
            }
        }
    }

    @Test
    void aBrowserSendingTooQuicklyIsToldToWait() {
        try (ChatClient browser = ChatClient.open(base, null, 0)) {
            for (int i = 1; i <= 6; i++) {
                browser.say("m-" + i, "Message " + i);
            }
            browser.awaitError("too quickly (at most 5 a minute)");
            browser.awaitMessage("customer", "Message 5");
            assertTrue(browser.messages().stream().noneMatch(message -> "Message 6".equals(message.path("text").asText())));
        }
    }

    @Test
    void oneAddressSendingTooMuchIsToldToWaitWhateverItsBrowsers() {
        try (ChatClient first = ChatClient.open(base, null, 0);
             ChatClient second = ChatClient.open(base, null, 0);
             ChatClient third = ChatClient.open(base, null, 0)) {
            for (int i = 1; i <= 5; i++) {
                first.say("a-" + i, "First " + i);
                second.say("b-" + i, "Second " + i);
            }
            first.awaitMessage("customer", "First 5");
            second.awaitMessage("customer", "Second 5");
            for (int i = 1; i <= 3; i++) {
                third.say("c-" + i, "Third " + i);
            }
            third.awaitError("Too many messages come from your network");
            third.awaitMessage("customer", "Third 2");
        }
    }

    @Test
    void aPageOfASiteNotAllowedCannotOpenTheSocket() {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> ChatClient.connect(base, "http://evil.example"));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(403, handshake.getResponse().statusCode());

        try (ChatClient allowed = ChatClient.connect(base, "http://shop.example")) {
            allowed.hello(null, 0);
            allowed.say("m-1", "From the shop");
            allowed.awaitMessage("customer", "From the shop");
        }
    }
}
