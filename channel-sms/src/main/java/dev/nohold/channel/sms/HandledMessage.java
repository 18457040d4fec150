package dev.nohold.channel.sms;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An inbound MessageSid already handled, and how: Twilio's retry of it is answered without acting twice. */
@Entity
@Table(name = "sms_inbound")
public class HandledMessage extends PanacheEntityBase {

    /** What an inbound text did. */
    public enum Outcome { NEW_REQUEST, JOINED, STOP, START, HELP, STATUS, CANCEL, EMPTY, IGNORED, FLOW }

    @Id
    @Column(name = "message_sid")
    public String messageSid;

    /** The request the text made, joined, asked about or cancelled; null when there was none. */
    @Column(name = "request_id")
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "handled_as")
    public Outcome handledAs;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** What a conversation flow's turn answered (FLOW only; null for no answer), sent again to a retry. */
    public String answer;
}
