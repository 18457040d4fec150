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

    ChatOnSocket(String baseUrl) {
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
        send("{\"type\":\"hello\",\"after\":0}");
        awaitFrame(frame -> "welcome".equals(frame.path("type").asText()));
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

    @Override
    public void close() {
        socket.abort();
    }
}
