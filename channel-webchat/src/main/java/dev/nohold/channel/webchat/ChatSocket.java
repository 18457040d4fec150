package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.Refusal;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The chat's WebSocket, {@code /chat/ws}: JSON text frames both ways and voice notes as binary frames. The page's
 * first frame is {@code {"type":"hello","token":…,"after":n,"entry":…}} (the entry point picks the greeting
 * flow); then {@code say}, {@code ack}, {@code typing} and {@code phone}. Whatever a frame holds, a bad one is answered with an {@code error} frame and the socket stays
 * open: no frame can break the server or reach another browser's conversation.
 */
@WebSocket(path = "/chat/ws")
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final int MAX_CLIENT_ID = 64;
    private static final Pattern ENTRY_POINT = Pattern.compile("[A-Za-z0-9@+._-]{1,64}");
    private static final java.time.Duration TYPING_EVERY = java.time.Duration.ofSeconds(2);

    private final Visitors visitors;
    private final Conversations conversations;
    private final LiveChats liveChats;
    private final ChatConnections connections;
    private final ChatLimits limits;
    private final WebChatConfig config;
    private final ObjectMapper json;

    public ChatSocket(Visitors visitors, Conversations conversations, LiveChats liveChats, ChatConnections connections,
                      ChatLimits limits, WebChatConfig config, ObjectMapper json) {
        this.visitors = visitors;
        this.conversations = conversations;
        this.liveChats = liveChats;
        this.connections = connections;
        this.limits = limits;
        this.config = config;
        this.json = json;
    }

    @OnTextMessage
    void text(WebSocketConnection connection, String frame) {
        JsonNode message;
        try {
            message = json.readTree(frame);
        } catch (IOException e) {
            refuse(connection, "That message could not be read.");
            return;
        }
        if (message == null || !message.isObject()) {
            refuse(connection, "That message could not be read.");
            return;
        }
        String type = message.path("type").asText("");
        if ("hello".equals(type)) {
            hello(connection, message);
            return;
        }
        Optional<ChatConnections.Session> session = connections.of(connection);
        if (session.isEmpty()) {
            refuse(connection, "Say hello first.");
            return;
        }
        try {
            switch (type) {
                case "say" -> say(connection, session.get(), message);
                case "ack" -> conversations.acknowledge(session.get().visitor, message.path("id").asLong(0));
                case "typing" -> typing(session.get());
                case "phone" -> {
                    if (allowed(connection, session.get())) {
                        phone(connection, session.get(), message.path("number").asText(""));
                    }
                }
                default -> refuse(connection, "Unknown message type.");
            }
        } catch (Refusal refusal) {
            refuse(connection, refusal.getMessage());
        }
    }

    private void hello(WebSocketConnection connection, JsonNode message) {
        if (connections.of(connection).isPresent()) {
            refuse(connection, "Hello was said already.");
            return;
        }
        Visitors.Welcome welcome = visitors.welcome(message.path("token").isTextual()
                ? message.path("token").asText() : null);
        long after = welcome.newToken() != null ? 0 : Math.max(0, message.path("after").asLong(0));
        send(connection, json.createObjectNode().put("type", "welcome")
                .put("token", welcome.newToken()).put("maxMessageLength", config.maxMessageLength())
                .put("maxVoiceNoteBytes", config.maxVoiceNoteBytes())
                .put("maxVoiceNoteSeconds", config.maxVoiceNoteLength().toSeconds()).toString());
        connections.opened(connection, welcome.visitor(), after, entryPoint(message.path("entry")));
    }

    /**
     * The entry point the page was opened at ({@code /chat?entry=…}, the widget's {@code data-entry}): the flow serving
     * it greets. Something no entry point could be (too long, other characters) counts as none.
     */
    static String entryPoint(JsonNode entry) {
        String value = entry.isTextual() ? entry.asText().strip() : "";
        return ENTRY_POINT.matcher(value).matches() ? value : null;
    }

    private void say(WebSocketConnection connection, ChatConnections.Session session, JsonNode message) {
        String clientId = message.path("id").asText("");
        String text = message.path("text").asText("").strip();
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
            refuse(connection, "A message needs an id of at most " + MAX_CLIENT_ID + " characters.");
            return;
        }
        if (text.isEmpty()) {
            refuse(connection, "There is nothing to send: write a message first.");
            return;
        }
        if (text.length() > config.maxMessageLength()) {
            refuse(connection, "That message is too long: at most " + config.maxMessageLength()
                    + " characters, please shorten it.");
            return;
        }
        if (!allowed(connection, session)) {
            return;
        }
        conversations.say(session.visitor, clientId, text, session.entryPoint);
        connections.catchUp(session);
    }

    /** Typing is told to the agent at most every few seconds, however often the page says it. */
    private void typing(ChatConnections.Session session) {
        long now = System.nanoTime();
        if (session.lastTyping == 0 || now - session.lastTyping >= TYPING_EVERY.toNanos()) {
            session.lastTyping = now;
            liveChats.customerTyping(session.visitor);
        }
    }

    private void phone(WebSocketConnection connection, ChatConnections.Session session, String number) {
        String compact = number.replaceAll("[\\s().-]", "");
        if (!PHONE.matcher(compact).matches()) {
            refuse(connection, "That phone number cannot be used: write it with the country code, like +44 20 7946 0000.");
            return;
        }
        conversations.leavePhone(session.visitor, compact, words(config.smsAfter()));
        connections.catchUp(session);
    }

    /** A voice note, recorded in the page (WebM/Opus in Chromium, MP4 in Safari): the core decodes and transcribes it. */
    @OnBinaryMessage
    void voiceNote(WebSocketConnection connection, byte[] audio) {
        Optional<ChatConnections.Session> session = connections.of(connection);
        if (session.isEmpty()) {
            refuse(connection, "Say hello first.");
            return;
        }
        if (audio.length == 0) {
            refuse(connection, "The voice note was empty: nothing was recorded.");
            return;
        }
        if (audio.length > config.maxVoiceNoteBytes()) {
            refuse(connection, "That voice note is too long to send: please keep it under "
                    + words(config.maxVoiceNoteLength()) + ".");
            return;
        }
        if (!allowed(connection, session.get())) {
            return;
        }
        try {
            conversations.speak(session.get().visitor, "voice-" + UUID.randomUUID(), audio, "audio/webm");
        } catch (Refusal refusal) {
            refuse(connection, refusal.getMessage());
            return;
        }
        connections.catchUp(session.get());
    }

    @OnClose
    void closed(WebSocketConnection connection) {
        connections.closed(connection);
    }

    @OnError
    void failed(WebSocketConnection connection, Throwable failure) {
        // A frame over the server's size limit, a broken connection: this socket's trouble, nobody else's.
        LOG.debugf("Web chat socket %s: %s", connection.id(), failure.toString());
        if (connection.isOpen()) {
            refuse(connection, "Something went wrong with your last message; please send it again.");
        }
    }

    private boolean allowed(WebSocketConnection connection, ChatConnections.Session session) {
        String refusal = limits.refusal(session.visitor.id().toString(),
                host(connection.handshakeRequest().remoteAddress()));
        if (refusal != null) {
            refuse(connection, refusal);
            return false;
        }
        return true;
    }

    private void refuse(WebSocketConnection connection, String error) {
        send(connection, json.createObjectNode().put("type", "error").put("error", error).toString());
    }

    private static void send(WebSocketConnection connection, String frame) {
        try {
            connection.sendTextAndAwait(frame);
        } catch (RuntimeException e) {
            LOG.debugf("Web chat: a socket went away while sending (%s)", e.getMessage());
        }
    }

    /** The client's address without its port, so every connection from one address counts together. */
    static String host(String remoteAddress) {
        if (remoteAddress == null) {
            return null;
        }
        int colon = remoteAddress.lastIndexOf(':');
        boolean portFollows = colon > 0 && remoteAddress.substring(colon + 1).chars().allMatch(Character::isDigit)
                && (remoteAddress.indexOf(':') == colon || remoteAddress.charAt(colon - 1) == ']');
        return portFollows ? remoteAddress.substring(0, colon) : remoteAddress;
    }

    static String words(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 1 && duration.toSecondsPart() == 0) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return duration.toSeconds() + " seconds";
    }
}
