package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;


/** A browser's side of the chat socket, from the JDK's WebSocket client: sends frames, keeps every frame it got. */
final class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    /** When each frame arrived ({@link System#nanoTime()}), in the order of {@link #frames}. */
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    volatile Integer closedWith;
    private final WebSocket socket;
    private String token;

    private ChatClient(URI uri, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new Collector()).join();
    }

    /** Connects as a page of {@code origin} would, without saying hello yet. */
    static ChatClient connect(URI base, String origin) {
        return new ChatClient(socketUri(base), origin);
    }

    static URI socketUri(URI base) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/chat/ws");
    }

    /** Connects and says hello with the token (null: a new browser) and the last message id seen. */
    static ChatClient open(URI base, String token, long after) {
        ChatClient client = connect(base, null);
        client.hello(token, after);
        return client;
    }

    void hello(String withToken, long after) {
        send(Map.of("type", "hello", "token", withToken == null ? "" : withToken, "after", after));
        JsonNode welcome = await("welcome", frame -> "welcome".equals(frame.path("type").asText()));
        token = welcome.path("token").isTextual() ? welcome.path("token").asText() : withToken;
    }

    String token() {
        return token;
    }

    void say(String clientId, String text) {
        send(Map.of("type", "say", "id", clientId, "text", text));
    }

    void send(Map<String, ?> frame) {
        try {
            sendRaw(JSON.writeValueAsString(frame));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    List<JsonNode> messages() {
        return frames.stream().filter(frame -> "message".equals(frame.path("type").asText())).toList();
    }

    List<JsonNode> errors() {
        return frames.stream().filter(frame -> "error".equals(frame.path("type").asText())).toList();
    }

    /** The first frame (already received or arriving within 30 s) that matches. */
    JsonNode await(String what, Predicate<JsonNode> matching) {
        org.awaitility.Awaitility.await().alias(what).atMost(Duration.ofSeconds(30)).until(() -> frames.stream().anyMatch(matching));
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    JsonNode awaitMessage(String kind, String textPart) {
        return await(kind + " message containing " + textPart, frame -> "message".equals(frame.path("type").asText())
                && kind.equals(frame.path("kind").asText()) && frame.path("text").asText().contains(textPart));
    }

    JsonNode awaitError(String textPart) {
        return await("error containing " + textPart, frame -> "error".equals(frame.path("type").asText())
                && frame.path("error").asText().contains(textPart));
    }

    JsonNode lastStanding() {
        List<JsonNode> standings = frames.stream().filter(frame -> "standing".equals(frame.path("type").asText())).toList();
        return standings.isEmpty() ? null : standings.getLast();
    }

    boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (closedWith == null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    long arrived = System.nanoTime();
                    JsonNode frame = JSON.readTree(partial.toString());
                    arrivals.add(arrived);
                    frames.add(frame);
                } catch (Exception e) {
                    throw new IllegalStateException("Not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith = statusCode;
            return null;
        }
    }
}
