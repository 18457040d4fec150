package dev.nohold.core.reply;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.Channels;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Request;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery side of the outbox: claims due deliveries for this node, records each attempt's outcome, schedules
 * retries with exponential back-off and gives up after the configured time. Every step is its own transaction, so
 * a node that dies mid-send leaves the delivery leased, and another node (or the same after restart) takes it up
 * when the lease runs out: delivery is at least once.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private static final String DUE = """
            select * from delivery
             where status = 'PENDING' and next_attempt_at <= :now and (lease_until is null or lease_until < :now)
             order by next_attempt_at, id
             limit :batch
               for update skip locked""";

    private final EntityManager entityManager;
    private final Lifecycle lifecycle;
    private final Channels channels;
    private final Clock clock;
    private final NoholdConfig.Delivery settings;
    private final MeterRegistry metrics;

    public Outbox(EntityManager entityManager, Lifecycle lifecycle, Channels channels, Clock clock,
                  NoholdConfig config, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.lifecycle = lifecycle;
        this.channels = channels;
        this.clock = clock;
        this.settings = config.delivery();
        this.metrics = metrics;
    }

    /** Leases the deliveries due now to this node and returns them ready to send. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<OutboundReply> claimDue() {
        Instant now = clock.instant();
        List<Delivery> due = entityManager.createNativeQuery(DUE, Delivery.class)
                .setParameter("now", now)
                .setParameter("batch", settings.batchSize())
                .getResultList();
        return due.stream().map(delivery -> {
            delivery.attempts++;
            delivery.leaseUntil = now.plus(settings.lease());
            delivery.updatedAt = now;
            return outbound(delivery);
        }).toList();
    }

    /** Sends one claimed reply through its channel; the outcome is recorded by the caller's route. */
    public DeliveryResult send(OutboundReply reply) throws DeliveryException {
        Channel channel = channels.find(reply.channel()).orElseThrow(() -> DeliveryException.permanentFailure(
                "No channel '" + reply.channel() + "' is installed on this platform"));
        return channel.deliver(reply);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(OutboundReply reply, DeliveryResult result) {
        Delivery delivery = lock(reply.deliveryId());
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return;
        }
        delivery.providerId = result.providerId();
        delivery.leaseUntil = null;
        delivery.lastError = null;
        delivery.updatedAt = clock.instant();
        lifecycle.note(delivery.requestId, "DELIVERY_ATTEMPT", "attempt " + reply.attempt() + " via "
                + delivery.channel + ": " + (result.confirmed() ? "delivered" : "sent")
                + (result.providerId() == null ? "" : " (" + result.providerId() + ")"));
        if (result.confirmed()) {
            confirm(delivery, "via " + delivery.channel);
        } else {
            delivery.status = DeliveryStatus.SENT;
            count("sent", delivery.channel);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(OutboundReply reply, DeliveryException failure) {
        Delivery delivery = lock(reply.deliveryId());
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return;
        }
        Instant now = clock.instant();
        String reason = failure.getMessage();
        delivery.lastError = reason;
        delivery.leaseUntil = null;
        delivery.updatedAt = now;
        lifecycle.note(delivery.requestId, "DELIVERY_ATTEMPT",
                "attempt " + reply.attempt() + " via " + delivery.channel + " failed: " + reason);
        boolean outOfTime = !now.isBefore(delivery.createdAt.plus(settings.giveUpAfter()));
        if (failure.retryable() && !outOfTime) {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            LOG.infof("Delivery for request %s failed (attempt %d), retrying at %s: %s",
                    reply.reference(), delivery.attempts, delivery.nextAttemptAt, reason);
            return;
        }
        String finalReason = failure.retryable()
                ? "gave up after " + delivery.attempts + " attempts: " + reason
                : reason;
        fail(delivery, finalReason);
    }

    /** A provider's status callback: the message it knows by {@code providerId} was delivered, or failed. */
    @Transactional
    public Optional<UUID> providerReported(String channel, String providerId, boolean delivered, String reason) {
        Optional<Delivery> found = Delivery.find("channel = ?1 and providerId = ?2", channel, providerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        found.ifPresent(delivery -> {
            if (delivery.status != DeliveryStatus.SENT && delivery.status != DeliveryStatus.PENDING) {
                return;
            }
            delivery.updatedAt = clock.instant();
            delivery.leaseUntil = null;
            if (delivered) {
                confirm(delivery, channel + " reported it delivered");
            } else {
                fail(delivery, reason);
            }
        });
        return found.map(delivery -> delivery.requestId);
    }

    /**
     * A provider's status callback saying a sent message did not reach the customer this time, but may later (a
     * callback call unanswered or busy): the delivery goes back to PENDING with the usual back-off, or fails for
     * good (and falls back) once the give-up time has passed.
     */
    @Transactional
    public Optional<UUID> providerReportedRetryable(String channel, String providerId, String reason) {
        Optional<Delivery> found = Delivery.find("channel = ?1 and providerId = ?2", channel, providerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        found.ifPresent(delivery -> {
            if (delivery.status != DeliveryStatus.SENT) {
                return;
            }
            // The request first, locked: the note reads it, and giving up changes its status.
            Request.findById(delivery.requestId, LockModeType.PESSIMISTIC_WRITE);
            Instant now = clock.instant();
            delivery.updatedAt = now;
            delivery.leaseUntil = null;
            delivery.lastError = reason;
            lifecycle.note(delivery.requestId, "DELIVERY_ATTEMPT",
                    "attempt " + delivery.attempts + " via " + channel + " failed: " + reason);
            if (now.isBefore(delivery.createdAt.plus(settings.giveUpAfter()))) {
                delivery.status = DeliveryStatus.PENDING;
                delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            } else {
                fail(delivery, "gave up after " + delivery.attempts + " attempts: " + reason);
            }
        });
        return found.map(delivery -> delivery.requestId);
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = settings.initialBackoff().multipliedBy(factor);
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private void confirm(Delivery delivery, String detail) {
        delivery.status = DeliveryStatus.DELIVERED;
        count("delivered", delivery.channel);
        lifecycle.delivered(delivery.requestId, detail);
    }

    private void fail(Delivery delivery, String reason) {
        delivery.status = DeliveryStatus.FAILED;
        delivery.lastError = reason;
        count("failed", delivery.channel);
        LOG.warnf("Delivery via %s for request %s failed for good: %s", delivery.channel, delivery.requestId, reason);
        Optional<String> fallback = channels.find(delivery.channel).flatMap(Channel::fallbackChannel)
                .filter(id -> channels.find(id).isPresent());
        if (fallback.isPresent()) {
            fallBack(delivery, fallback.get(), reason);
        } else {
            lifecycle.deliveryFailed(delivery.requestId, reason);
        }
    }

    private void fallBack(Delivery failed, String channel, String reason) {
        Delivery next = Delivery.replacing(failed, channel, null, clock.instant());
        next.persist();
        lifecycle.note(failed.requestId, "DELIVERY_FALLBACK",
                failed.channel + " failed (" + reason + "); sending via " + channel);
    }

    /** The delivery, locked; null once it is gone (its rows deleted by an operator while it was being sent). */
    private Delivery lock(UUID deliveryId) {
        Delivery delivery = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            LOG.warnf("Delivery %s no longer exists: the outcome of sending it is not recorded", deliveryId);
        }
        return delivery;
    }

    private OutboundReply outbound(Delivery delivery) {
        Request request = Request.findById(delivery.requestId);
        Reply reply = Reply.findById(delivery.replyId);
        String audioUrl = reply.audioKey == null ? null
                : "/api/requests/" + request.id + "/replies/" + reply.id + "/audio";
        return new OutboundReply(delivery.id, delivery.attempts, request.id, request.reference, delivery.channel,
                delivery.address != null ? delivery.address : request.from, reply.text, audioUrl, reply.audioType, reply.by.username, reply.at, request.language,
                Map.copyOf(request.attributes));
    }

    private void count(String outcome, String channel) {
        metrics.counter("nohold.deliveries", "outcome", outcome, "channel", channel).increment();
    }
}
