package dev.nohold.core.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox row of one reply on one channel: written with the reply, worked off by the delivery route. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "request_id")
    public UUID requestId;

    public String channel;

    /** The customer's address on {@link #channel}; null means the request's own address. */
    public String address;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The failed delivery this one replaces (a retry, a resend on another channel, a fallback); null for the first. */
    public UUID replaces;

    /** A new outbox row for a reply, due at once. */
    static Delivery pending(UUID replyId, UUID requestId, String channel, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.replyId = replyId;
        delivery.requestId = requestId;
        delivery.channel = channel;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    public static List<Delivery> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by createdAt, id", requestId);
    }

    /** A new outbox row in place of a failed one, due at once; the give-up time counts from now. */
    static Delivery replacing(Delivery failed, String channel, String address, Instant now) {
        Delivery next = pending(failed.replyId, failed.requestId, channel, now);
        next.address = address;
        next.replaces = failed.id;
        return next;
    }

    public static Optional<Delivery> byProviderId(String channel, String providerId) {
        return find("channel = ?1 and providerId = ?2", channel, providerId).firstResultOptional();
    }
}
