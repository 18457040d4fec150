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

/** A text that belongs to no request, in this channel's outbox until Twilio took it or refused it for good. */
@Entity
@Table(name = "sms_notice")
public class SmsNotice extends PanacheEntityBase {

    /** Waiting for (another) attempt, taken by Twilio, or refused for good. */
    public enum Status { PENDING, SENT, FAILED }

    @Id
    public UUID id;

    @Column(name = "to_number")
    public String to;

    public String text;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** While a node sends it: no other node takes it up before then. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "message_sid")
    public String messageSid;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;
}
