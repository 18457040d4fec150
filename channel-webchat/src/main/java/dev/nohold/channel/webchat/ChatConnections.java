package dev.nohold.channel.webchat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nohold.core.IsoTime;
import dev.nohold.core.channel.ChannelEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat sockets open on this node, and what they are sent: each browser's messages in order, after the last one
 * it was sent (a message stored on any node reaches it through the core's live events), where its request stands,
 * and the agent's typing.
 */
@ApplicationScoped
public class ChatConnections {

    private static final Logger LOG = Logger.getLogger(ChatConnections.class);

    private final ChatStore store;
    private final Conversations conversations;
    private final WebChatConfig config;
    private final ObjectMapper json;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public ChatConnections(ChatStore store, Conversations conversations, WebChatConfig config, ObjectMapper json) {
        this.store = store;
        this.conversations = conversations;
        this.config = config;
        this.json = json;
    }

    /** One open socket of a known browser. */
    static final class Session {
        final WebSocketConnection connection;
        final Visitor visitor;
        /** The entry point the page was opened at (null: the chat's own), which picks the greeting flow. */
        final String entryPoint;
        /** The newest message number sent on this socket (or that the page said it had). */
        long sent;
        String standing;
        /** When this page's typing was last told to the agent ({@link System#nanoTime()}). */
        long lastTyping;

        Session(WebSocketConnection connection, Visitor visitor, long sent, String entryPoint) {
            this.connection = connection;
            this.visitor = visitor;
            this.entryPoint = entryPoint;
            this.sent = sent;
        }
    }

    /** The browser said who it is and what it saw last: it is sent everything after that and where it stands. */
    void opened(WebSocketConnection connection, Visitor visitor, long after, String entryPoint) {
        Session session = new Session(connection, visitor, after, entryPoint);
        sessions.put(connection.id(), session);
        catchUp(session);
    }

    Optional<Session> of(WebSocketConnection connection) {
        return Optional.ofNullable(sessions.get(connection.id()));
    }

    void closed(WebSocketConnection connection) {
        sessions.remove(connection.id());
    }

    /** Sends the session what it has not been sent yet, in order, then where its request stands. */
    void catchUp(Session session) {
        synchronized (session) {
            if (!session.connection.isOpen()) {
                return;
            }
            List<ChatLine> lines;
            do {
                lines = store.after(session.visitor.id(), session.sent);
                for (ChatLine line : lines) {
                    send(session, message(line));
                    session.sent = line.seq();
                }
            } while (!lines.isEmpty());
            String standing = conversations.standing(session.visitor, config.waitEstimateWindow())
                    .map(this::standing).orElse("{\"type\":\"standing\",\"state\":\"none\"}");
            if (!standing.equals(session.standing)) {
                session.standing = standing;
                send(session, standing);
            }
        }
    }

    /** A committed change heard from any node (this one's too). */
    void heard(@ObservesAsync ChannelEvent event) {
        try {
            if (event.isSignalOf(WebChatChannel.ID)) {
                signalled(event.detail());
                return;
            }
            conversations.heard(event);
            // The line moves for everyone waiting whenever a request is queued, taken, answered or withdrawn.
            if (event.requestId() != null && event.channel() == null) {
                sessions.values().forEach(this::catchUp);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Web chat: event %d (%s) not handled", event.id(), event.type());
        }
    }

    /** Shows the visitor's new lines in the pages connected to this node. */
    void catchUp(UUID visitor) {
        sessions.values().stream().filter(session -> session.visitor.id().equals(visitor)).forEach(this::catchUp);
    }

    private void signalled(String detail) {
        if (detail.startsWith("visitor:")) {
            UUID visitor = UUID.fromString(detail.substring("visitor:".length()));
            sessions.values().stream().filter(session -> session.visitor.id().equals(visitor)).forEach(this::catchUp);
        } else if (detail.startsWith("agent-typing:")) {
            UUID visitor = UUID.fromString(detail.substring("agent-typing:".length()));
            sessions.values().stream().filter(session -> session.visitor.id().equals(visitor))
                    .forEach(session -> send(session, "{\"type\":\"typing\"}"));
        }
    }

    private void send(Session session, String frame) {
        try {
            session.connection.sendTextAndAwait(frame);
        } catch (RuntimeException e) {
            LOG.debugf("Web chat: a socket went away while sending (%s)", e.getMessage());
        }
    }

    String message(ChatLine line) {
        ObjectNode frame = json.createObjectNode()
                .put("type", "message")
                .put("id", line.seq())
                .put("kind", line.kind())
                .put("text", line.text())
                .put("at", line.at() == null ? null : IsoTime.format(line.at()));
        if (line.clientId() != null) {
            frame.put("clientId", line.clientId());
        }
        if (line.by() != null) {
            frame.put("by", line.by());
        }
        if (!line.choices().isEmpty()) {
            line.choices().forEach(frame.putArray("choices")::add);
        }
        if (line.audioType() != null && ChatLine.AGENT.equals(line.kind())) {
            frame.put("audio", "/chat/audio/" + line.id());
        }
        return frame.toString();
    }

    private String standing(Standing standing) {
        ObjectNode frame = json.createObjectNode()
                .put("type", "standing")
                .put("state", standing.state())
                .put("reference", standing.reference())
                .put("position", standing.position())
                .put("soon", standing.soon());
        if (standing.minutes() != null) {
            frame.put("minutes", standing.minutes());
        }
        if (standing.agent() != null) {
            frame.put("agent", standing.agent());
        }
        return frame.toString();
    }
}
