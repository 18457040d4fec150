package dev.nohold.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A customer's browser on one node's chat socket ({@code /chat/ws}): says hello, writes, acknowledges, listens. */
final class ChatOnSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private final String token;

    /** A new customer's browser. */
    ChatOnSocket(String baseUrl) {
        this(baseUrl, null);
    }

    /**
     * The browser of the customer who keeps {@code token} (null: a new customer), as it comes back after a lost
     * connection: it says hello with its token, so the chat goes on where it was, on whichever node it reaches.
     */
    ChatOnSocket(String baseUrl, String token) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/chat/ws"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                frames.add(JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        send(token == null ? "{\"type\":\"hello\",\"after\":0}"
                : "{\"type\":\"hello\",\"token\":\"" + token + "\",\"after\":0}");
        JsonNode welcome = awaitFrame(frame -> "welcome".equals(frame.path("type").asText()));
        this.token = token != null ? token : welcome.path("token").asText();
    }

    /** The token the browser keeps for this customer. */
    String token() {
        return token;
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    JsonNode awaitFrame(Predicate<JsonNode> matching) {
        await().atMost(Duration.ofSeconds(30)).until(() -> frames.stream().anyMatch(matching));
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    JsonNode awaitMessage(String kind, String textPart) {
        return awaitFrame(frame -> "message".equals(frame.path("type").asText()) && kind.equals(frame.path("kind").asText())
                && frame.path("text").asText().contains(textPart));
    }

    /**
     * How many lines of this kind starting with {@code start} the chat shows: the page shows a line once however
     * often it arrives (a replay after hello, then the live push), so lines are counted by their id.
     */
    long linesStartingWith(String kind, String start) {
        return frames.stream().filter(frame -> "message".equals(frame.path("type").asText())
                        && kind.equals(frame.path("kind").asText()) && frame.path("text").asText().startsWith(start))
                .map(frame -> frame.path("id").asLong()).distinct().count();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
