package dev.nohold.channel.sms;

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

/** One Twilio message a reply went out as, with what Twilio last reported about it. */
@Entity
@Table(name = "sms_outbound_part")
public class OutboundPart extends PanacheEntityBase {

    /** Where a message stands, as far as the status callbacks told. */
    public enum Status { SENT, DELIVERED, FAILED }

    @Id
    @Column(name = "message_sid")
    public String messageSid;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public int part;

    public int parts;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String error;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<OutboundPart> ofDelivery(UUID deliveryId) {
        return list("deliveryId = ?1 order by part", deliveryId);
    }

    public static Optional<OutboundPart> bySid(String messageSid) {
        return find("messageSid", messageSid).firstResultOptional();
    }
}
