package dev.nohold.channel.webchat;

import dev.nohold.core.channel.ChannelTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat's own tables (visitors and their messages), in the caller's transaction: what a browser is shown lives
 * here, in PostgreSQL, so any node can show it. A visitor's row is locked while a message is numbered, so the
 * messages of one browser commit in the order of their numbers and a page resuming after number n misses none.
 */
@ApplicationScoped
@Transactional
public class ChatStore {

    private static final int PAGE = 500;
    private static final String LINE = "id, seq, request_id, kind, text, audio_type, client_id, delivery_id, by_name, at, quick_replies";

    private final ChannelTables tables;

    public ChatStore(DataSource dataSource) {
        this.tables = new ChannelTables(dataSource, "Web chat store");
    }

    // --- Visitors

    public Optional<Visitor> byToken(String token) {
        return tables.one("select id, address, phone from webchat_visitor where token_hash = ?", ChatStore::visitor,
                hash(token));
    }

    public Optional<Visitor> byAddress(String address) {
        return tables.one("select id, address, phone from webchat_visitor where address = ?", ChatStore::visitor,
                address);
    }

    public Optional<Visitor> visitorOfRequest(UUID requestId) {
        return tables.one("select v.id, v.address, v.phone from webchat_visitor v"
                + " join webchat_message m on m.visitor_id = v.id where m.request_id = ? limit 1", ChatStore::visitor, requestId);
    }

    /** A new visitor known by {@code token} (only its hash is kept: a copy of the table lets nobody in). */
    public Visitor create(String token, Instant at) {
        UUID id = UUID.randomUUID();
        Visitor visitor = new Visitor(id, "web-" + id, null);
        tables.update("insert into webchat_visitor (id, token_hash, address, created_at) values (?, ?, ?, ?)",
                id, hash(token), visitor.address(), Timestamp.from(at));
        return visitor;
    }

    public void leavePhone(UUID visitorId, String phone) {
        tables.update("update webchat_visitor set phone = ? where id = ?", phone, visitorId);
    }

    // --- Live chats

    /** The agent who took a live chat, by username and by the name the customer is told. */
    public record LiveAgent(String username, String name) {
    }

    public void startLive(UUID requestId, String username, String name, Instant at) {
        tables.update("insert into webchat_live (request_id, agent_username, agent_name, started_at)"
                + " values (?, ?, ?, ?) on conflict (request_id) do nothing", requestId, username, name, Timestamp.from(at));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LiveAgent> liveAgent(UUID requestId) {
        return tables.one("select agent_username, agent_name from webchat_live where request_id = ?",
                row -> new LiveAgent(row.getString(1), row.getString(2)), requestId);
    }

    // --- Messages

    /**
     * Stores a line as the visitor's next message. A line already stored (the same client id, the same delivery, a
     * second transcript of one request) is not stored again: the first is returned, and {@code stored} is false.
     */
    public Appended append(UUID visitorId, ChatLine line, Instant at) {
        tables.one("select id from webchat_visitor where id = ? for update", row -> row.getObject(1), visitorId)
                .orElseThrow(() -> new IllegalArgumentException("No visitor " + visitorId));
        Optional<ChatLine> earlier = earlier(visitorId, line);
        if (earlier.isPresent()) {
            return new Appended(earlier.get(), false);
        }
        long seq = tables.one("update webchat_visitor set last_seq = last_seq + 1 where id = ? returning last_seq",
                row -> row.getLong(1), visitorId).orElseThrow();
        tables.update("insert into webchat_message (id, visitor_id, seq, request_id, kind, text, audio_type, client_id,"
                        + " delivery_id, by_name, at, quick_replies) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.id(), visitorId, seq, line.requestId(), line.kind(), line.text(), line.audioType(), line.clientId(),
                line.deliveryId(), line.by(), Timestamp.from(at),
                line.choices().isEmpty() ? null : String.join("\n", line.choices()));
        return new Appended(new ChatLine(line.id(), seq, line.requestId(), line.kind(), line.text(), line.audioType(),
                line.clientId(), line.deliveryId(), line.by(), at, line.choices()), true);
    }

    /** What {@link #append} did: the line as stored, and whether this call stored it. */
    public record Appended(ChatLine line, boolean stored) {
    }

    private Optional<ChatLine> earlier(UUID visitorId, ChatLine line) {
        if (line.clientId() != null) {
            return tables.one("select " + LINE + " from webchat_message where visitor_id = ? and client_id = ?",
                    ChatStore::line, visitorId, line.clientId());
        }
        if (line.deliveryId() != null) {
            return tables.one("select " + LINE + " from webchat_message where delivery_id = ?", ChatStore::line,
                    line.deliveryId());
        }
        if (ChatLine.TRANSCRIPT.equals(line.kind()) || ChatLine.ENDED.equals(line.kind())) {
            return tables.one("select " + LINE + " from webchat_message where request_id = ? and kind = ?",
                    ChatStore::line, line.requestId(), line.kind());
        }
        return Optional.empty();
    }

    /** What the customer sent with the page's own id {@code clientId}, if it is stored already. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChatLine> said(UUID visitorId, String clientId) {
        return tables.one("select " + LINE + " from webchat_message where visitor_id = ? and client_id = ?",
                ChatStore::line, visitorId, clientId);
    }

    /** The visitor's messages numbered after {@code seq}, oldest first (at most a page of them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChatLine> after(UUID visitorId, long seq) {
        return tables.list("select " + LINE + " from webchat_message where visitor_id = ? and seq > ?"
                + " order by seq limit " + PAGE, ChatStore::line, visitorId, seq);
    }

    /** The messages of one request's conversation, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChatLine> ofRequest(UUID requestId) {
        return tables.list("select " + LINE + " from webchat_message where request_id = ? order by seq",
                ChatStore::line, requestId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChatLine> line(UUID id) {
        return tables.one("select " + LINE + " from webchat_message where id = ?", ChatStore::line, id);
    }

    /** The visitor's newest message: a reconnecting page is told where the conversation stands. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChatLine> newest(UUID visitorId) {
        return tables.one("select " + LINE + " from webchat_message where visitor_id = ? order by seq desc limit 1",
                ChatStore::line, visitorId);
    }

    /** The page showed everything up to {@code seq}: the deliveries among them, newly acknowledged. */
    public List<UUID> acknowledge(UUID visitorId, long seq, Instant at) {
        return tables.list("update webchat_message set acknowledged_at = ? where visitor_id = ? and seq <= ?"
                        + " and acknowledged_at is null and delivery_id is not null returning delivery_id",
                row -> row.getObject(1, UUID.class), Timestamp.from(at), visitorId, seq);
    }

    public boolean acknowledged(UUID deliveryId) {
        return tables.one("select 1 from webchat_message where delivery_id = ? and acknowledged_at is not null",
                row -> true, deliveryId).isPresent();
    }

    /** Answers a browser showed whose delivery the core has not yet been told of. */
    public List<UUID> acknowledgedUnconfirmed() {
        return tables.list("select delivery_id from webchat_message where delivery_id is not null and not confirmed"
                + " and acknowledged_at is not null order by at limit " + PAGE, row -> row.getObject(1, UUID.class));
    }

    public void confirmed(UUID deliveryId) {
        tables.update("update webchat_message set confirmed = true where delivery_id = ?", deliveryId);
    }

    /** Answers nobody has seen since before {@code before}, of customers who left a phone number. */
    public List<Unread> unreadWithPhone(Instant before) {
        return tables.list("select m.id, m.delivery_id, m.text, v.phone from webchat_message m"
                + " join webchat_visitor v on v.id = m.visitor_id where m.delivery_id is not null and not m.confirmed"
                + " and m.acknowledged_at is null and m.sms_sent_at is null and v.phone is not null and m.at < ?"
                + " order by m.at limit " + PAGE, row -> new Unread(row.getObject(1, UUID.class),
                row.getObject(2, UUID.class), row.getString(3), row.getString(4)), Timestamp.from(before));
    }

    /** An unread answer that is to go out by SMS. */
    public record Unread(UUID lineId, UUID deliveryId, String text, String phone) {
    }

    /** Claims the unread answer's SMS: true for the one node (and call) that may send it. */
    public boolean claimSms(UUID lineId, Instant at) {
        return tables.update("update webchat_message set sms_sent_at = ? where id = ? and sms_sent_at is null",
                Timestamp.from(at), lineId) == 1;
    }

    // --- JDBC, in the caller's transaction

    private static Visitor visitor(ResultSet row) throws SQLException {
        return new Visitor(row.getObject(1, UUID.class), row.getString(2), row.getString(3));
    }

    private static ChatLine line(ResultSet row) throws SQLException {
        Timestamp at = row.getTimestamp(10);
        return new ChatLine(row.getObject(1, UUID.class), row.getLong(2), row.getObject(3, UUID.class),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getObject(8, UUID.class),
                row.getString(9), at == null ? null : at.toInstant(),
                row.getString(11) == null ? List.of() : List.of(row.getString(11).split("\n")));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
