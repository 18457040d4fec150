package dev.nohold.core.request;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.channel.InboundMessage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One message of a request's conversation: what the customer sent (in, on whichever channel) or an agent's reply
 * (out). The request's own text keeps the customer's words together for search and for channels that read it.
 */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    public enum Direction { in, out }

    @Id
    public UUID id;

    /** Taken-in order, for messages stored within the same instant. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "request_id")
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public String channel;

    /** The customer's address on {@link #channel} (inbound messages). */
    public String address;

    public String text;

    @Column(name = "audio_key")
    public String audioKey;

    @Column(name = "audio_type")
    public String audioType;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agent_id")
    public Agent by;

    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    public String fingerprint;

    /** The request's status when this message was taken in; a provider's retry is answered with it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "intake_status")
    public RequestStatus intakeStatus;

    public Instant at;

    static Message inbound(UUID requestId, InboundMessage message, Instant at) {
        Message inbound = new Message();
        inbound.id = UUID.randomUUID();
        inbound.requestId = requestId;
        inbound.direction = Direction.in;
        inbound.channel = message.channel();
        inbound.address = message.from();
        inbound.text = message.text() == null || message.text().isBlank() ? null : message.text().strip();
        inbound.providerMessageId = message.providerMessageId();
        inbound.fingerprint = message.fingerprint();
        inbound.at = at;
        return inbound;
    }

    /** An agent's reply, as the conversation shows it; {@code channel} is where it is delivered. */
    public static Message outbound(UUID requestId, UUID replyId, Agent agent, String channel, String text,
                                   String audioKey, String audioType, Instant at) {
        Message outbound = new Message();
        outbound.id = UUID.randomUUID();
        outbound.requestId = requestId;
        outbound.direction = Direction.out;
        outbound.channel = channel;
        outbound.replyId = replyId;
        outbound.by = agent;
        outbound.text = text;
        outbound.audioKey = audioKey;
        outbound.audioType = audioType;
        outbound.at = at;
        return outbound;
    }

    /** The conversation of a request, oldest first. */
    public static List<Message> conversation(UUID requestId) {
        return list("from Message m left join fetch m.by where m.requestId = ?1 order by m.at, m.seq", requestId);
    }

    /** The message that made the request. */
    public static Optional<Message> first(UUID requestId) {
        return find("requestId = ?1 and direction = ?2 order by at, seq", requestId, Direction.in).firstResultOptional();
    }

    /** The customer's latest message on a request: a reply goes back on its channel, to its address. */
    public static Optional<Message> latestInbound(UUID requestId) {
        return find("requestId = ?1 and direction = ?2 order by at desc, seq desc", requestId, Direction.in)
                .firstResultOptional();
    }

    /** The message a provider's id was first taken in with, on a channel. */
    public static Optional<Message> byProviderId(String channel, String providerMessageId) {
        return find("channel = ?1 and providerMessageId = ?2", channel, providerMessageId).firstResultOptional();
    }
}
