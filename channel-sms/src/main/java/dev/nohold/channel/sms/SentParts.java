package dev.nohold.channel.sms;

import dev.nohold.channel.sms.OutboundPart.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What each reply's messages became at Twilio. Delivery calls it outside any transaction, so a part Twilio accepted
 * is committed at once and a retry after a later part failed never sends the earlier one twice.
 */
@ApplicationScoped
@Transactional
public class SentParts {

    private final Clock clock;

    public SentParts(Clock clock) {
        this.clock = clock;
    }

    public List<OutboundPart> of(UUID deliveryId) {
        return OutboundPart.ofDelivery(deliveryId);
    }

    public void accepted(UUID deliveryId, int part, int parts, String messageSid) {
        Instant now = clock.instant();
        OutboundPart sent = new OutboundPart();
        sent.messageSid = messageSid;
        sent.deliveryId = deliveryId;
        sent.part = part;
        sent.parts = parts;
        sent.status = Status.SENT;
        sent.sentAt = now;
        sent.updatedAt = now;
        sent.persist();
    }

    /**
     * Records a status callback for one message; a final status is never overwritten by a late, earlier one.
     *
     * @return the part's delivery, or empty when the message is not one of ours
     */
    public Optional<UUID> reported(String messageSid, Status status, String error) {
        Optional<OutboundPart> found = OutboundPart.bySid(messageSid);
        found.filter(part -> part.status == Status.SENT).ifPresent(part -> {
            part.status = status;
            part.error = error;
            part.updatedAt = clock.instant();
        });
        return found.map(part -> part.deliveryId);
    }
}
