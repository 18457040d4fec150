package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nohold.tck.ChannelConformanceKit;
import dev.nohold.tck.ChannelDriver;
import dev.nohold.tck.Delivered;
import dev.nohold.tck.ProviderFailure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The web chat held to the conformance kit, its "provider" being the browser: the driver speaks the page's own
 * protocol over {@code /chat/ws} (hello with the token the browser keeps, then say, ack), one socket per customer.
 */
@QuarkusTest
class WebChatChannelConformanceTest extends ChannelConformanceKit {

    /** Each customer's browser, by the address the core knows them by; closed after each test. */
    private static final Map<String, ChatClient> BROWSERS = new ConcurrentHashMap<>();

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    ChatLimits limits;

    @Inject
    ChatStore store;

    @Override
    protected ChannelDriver driver() {
        return new BrowserDriver(base, dataSource, limits, store);
    }

    @AfterEach
    void closeBrowsers() {
        BROWSERS.values().forEach(ChatClient::close);
        BROWSERS.clear();
    }

    /** Browsers on the chat's socket: each customer is one browser, known to the core by the address its token names. */
    static final class BrowserDriver implements ChannelDriver {

        private final URI base;
        private final DataSource dataSource;
        private final ChatLimits limits;
        private final ChatStore store;
        private final Map<Integer, String> customers = new ConcurrentHashMap<>();
        private volatile boolean eraseNextChat;

        BrowserDriver(URI base, DataSource dataSource, ChatLimits limits, ChatStore store) {
            this.base = base;
            this.dataSource = dataSource;
            this.limits = limits;
            this.store = store;
        }

        @Override
        public String channelId() {
            return WebChatChannel.ID;
        }

        /**
         * A new browser says hello without a token and is issued one; the core knows the customer by the random
         * {@code web-…} address the chat gave that token, which the kit needs to find their requests.
         */
        @Override
        public String customer(int n) {
            return customers.computeIfAbsent(n, ignored -> {
                ChatClient browser = ChatClient.open(base, null, 0);
                String address = store.byToken(browser.token()).orElseThrow().address();
                BROWSERS.put(address, browser);
                return address;
            });
        }

        @Override
        public void send(String customer, String text, String messageId) throws Exception {
            ChatClient browser = browser(customer);
            browser.say(messageId, text);
            browser.awaitMessage("customer", text);
            if (eraseNextChat) {
                eraseNextChat = false;
                browser.awaitMessage("notice", "is taken");
                erase(customer);
            }
        }

        /**
         * The page lost its connection before the message was acknowledged: it reconnects with the same token, from
         * the last message it saw, and sends the same client id again.
         */
        @Override
        public void resend(String customer, String text, String messageId) {
            ChatClient lost = browser(customer);
            long lastSeen = lost.messages().stream().mapToLong(frame -> frame.path("id").asLong()).max().orElse(0);
            lost.close();
            ChatClient again = ChatClient.open(base, lost.token(), lastSeen);
            BROWSERS.put(customer, again);
            again.say(messageId, text);
            // A repeat stores nothing and shows nothing new; the error for a frame sent after it says it was handled.
            again.send(Map.of("type", "after-the-resend"));
            again.awaitError("Unknown message type");
        }

        /**
         * The chat has no provider signature: who a customer is comes only from the token their browser says hello
         * with. A token nobody issued is not forged but a new browser (it gets a new, empty conversation, by design),
         * so forged here means the two ways to speak for a customer without their token: a page of a site not
         * allowed to carry the chat (the upgrade is refused), and a socket that skips the hello and names the
         * customer in its frame instead.
         */
        @Override
        public void sendForged(String customer, String text, String messageId) {
            CompletionException refused = assertThrows(CompletionException.class,
                    () -> ChatClient.connect(base, "https://attacker.example").close());
            assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
            assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

            try (ChatClient impostor = ChatClient.connect(base, null)) {
                impostor.send(Map.of("type", "say", "id", messageId, "text", text, "from", customer,
                        "token", "x".repeat(43)));
                impostor.awaitError("Say hello first");
            }
        }

        /** A say frame without its text, and one that is not JSON: each answered with an error on a socket that goes on. */
        @Override
        public void sendMalformed(String customer, String messageId) {
            ChatClient browser = browser(customer);
            browser.send(Map.of("type", "say", "id", messageId));
            browser.awaitError("nothing to send");
            browser.sendRaw("{\"type\":\"say\",\"id\":");
            browser.awaitError("could not be read");
        }

        /** The agents' answers each browser was shown. */
        @Override
        public List<Delivered> delivered() {
            return BROWSERS.entrySet().stream().flatMap(browser -> browser.getValue().messages().stream()
                    .filter(frame -> ChatLine.AGENT.equals(frame.path("kind").asText()))
                    .map(frame -> new Delivered(browser.getKey(), frame.path("text").asText(), null))).toList();
        }

        /**
         * The chat stores an answer for the browser and shows it whenever the browser is connected: a closed socket
         * or a browser away for a week leaves it SENT, never failed, so there is no retryable failure to make. Its one
         * permanent failure is an answer for a chat it no longer knows: the next customer's chat is erased (as
         * erasing a customer's data would) once their request is taken.
         */
        @Override
        public String failNextDelivery(ProviderFailure failure) {
            if (failure == ProviderFailure.RETRYABLE) {
                Assumptions.abort("The web chat has no retryable delivery failure: an answer is stored for the"
                        + " browser and shown when it connects, SENT until the page acknowledges it");
            }
            eraseNextChat = true;
            return "No web chat is known";
        }

        /** The browser acknowledges every answer it showed, as the page does: the report that makes it DELIVERED. */
        @Override
        public boolean confirmDelivered(String providerId) {
            for (ChatClient browser : BROWSERS.values()) {
                Optional<JsonNode> answer = browser.messages().stream()
                        .filter(frame -> ChatLine.AGENT.equals(frame.path("kind").asText())).reduce((a, b) -> b);
                answer.ifPresent(frame -> browser.send(Map.of("type", "ack", "id", frame.path("id").asLong())));
            }
            return true;
        }

        @Override
        public void reset() throws Exception {
            limits.forget();
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("truncate webchat_message, webchat_visitor, webchat_live cascade");
            }
        }

        /** With an agent idle, the customer's first message connects the chat live at once. */
        @Override
        public void contactLive(String customer, String contactId) {
            ChatClient browser = browser(customer);
            browser.say(contactId, "Can someone help me right now?");
            browser.awaitMessage("notice", "You are talking with");
        }

        /** Nothing rings in a chat: the agent has the request as soon as the customer spoke. */
        @Override
        public void agentTookLiveContact(String customer, String contactId) {
        }

        private static ChatClient browser(String customer) {
            ChatClient browser = BROWSERS.get(customer);
            if (browser == null) {
                throw new IllegalArgumentException("No browser for " + customer + ": customer(n) opens it");
            }
            return browser;
        }

        private void erase(String customer) throws Exception {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("delete from webchat_visitor where address = ?")) {
                delete.setString(1, customer);
                assertEquals(1, delete.executeUpdate(), "the chat to erase");
            }
        }
    }
}
