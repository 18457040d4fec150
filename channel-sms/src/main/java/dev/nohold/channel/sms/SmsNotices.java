package dev.nohold.channel.sms;

import dev.nohold.channel.sms.SmsNotice.Status;
import dev.nohold.core.channel.DeliveryException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The channel's outbox for notices (texts that belong to no request): a notice is a row stored in the transaction of
 * the work that asked for it (a flow's reminder commits with the conversation it reminds), so it goes out once that
 * commits, and never for work rolled back. Sending is leased, not locked, so no transaction waits on Twilio; a notice
 * Twilio could not take is tried again with a growing pause, until {@code nohold.sms.notice-retry-for} has passed.
 */
@ApplicationScoped
public class SmsNotices {

    private static final Logger LOG = Logger.getLogger(SmsNotices.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    private final EntityManager entityManager;
    private final Clock clock;
    private final SmsConfig config;

    public SmsNotices(EntityManager entityManager, Clock clock, SmsConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
    }

    /** Stores a notice to send, in the caller's transaction when it has one. */
    @Transactional
    public UUID store(String to, String text) {
        SmsNotice notice = new SmsNotice();
        notice.id = UUID.randomUUID();
        notice.to = to;
        notice.text = text;
        notice.status = Status.PENDING;
        notice.createdAt = clock.instant();
        notice.nextAttemptAt = notice.createdAt;
        notice.persist();
        return notice.id;
    }

    /** Leases the notices due now to this node. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<SmsNotice> claimDue() {
        Instant now = clock.instant();
        List<SmsNotice> due = entityManager.createNativeQuery("select * from sms_notice where status = 'PENDING'"
                        + " and next_attempt_at <= ?1 and (lease_until is null or lease_until < ?1)"
                        + " order by next_attempt_at limit ?2 for update skip locked", SmsNotice.class)
                .setParameter(1, Timestamp.from(now)).setParameter(2, BATCH).getResultList();
        due.forEach(notice -> lease(notice, now));
        return due;
    }

    /** Leases one notice, if it is still pending and no other node holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<SmsNotice> claim(UUID id) {
        Instant now = clock.instant();
        List<SmsNotice> one = entityManager.createNativeQuery("select * from sms_notice where id = ?1 and status ="
                        + " 'PENDING' and (lease_until is null or lease_until < ?2) for update skip locked",
                        SmsNotice.class)
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).getResultList();
        one.forEach(notice -> lease(notice, now));
        return one;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(UUID id, String messageSid) {
        SmsNotice notice = SmsNotice.findById(id);
        notice.status = Status.SENT;
        notice.messageSid = messageSid;
        notice.leaseUntil = null;
        notice.lastError = null;
        LOG.infof("Notice %s sent as %s", id, messageSid);
    }

    /** Records a failed attempt: tried again later when that can help and there is time, else failed for good. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, DeliveryException failure) {
        SmsNotice notice = SmsNotice.findById(id);
        Instant now = clock.instant();
        notice.lastError = failure.getMessage();
        notice.leaseUntil = null;
        Instant next = now.plus(Duration.ofSeconds(5L << Math.min(notice.attempts - 1, 6)));
        if (failure.retryable() && next.isBefore(notice.createdAt.plus(config.noticeRetryFor()))) {
            notice.nextAttemptAt = next;
            LOG.infof("Notice %s not sent (attempt %d), trying again at %s: %s", id, notice.attempts, next,
                    failure.getMessage());
        } else {
            notice.status = Status.FAILED;
            LOG.warnf("Notice %s not sent, given up after %d attempts: %s", id, notice.attempts, failure.getMessage());
        }
    }

    static boolean inTransaction() {
        return QuarkusTransaction.isActive();
    }

    private static void lease(SmsNotice notice, Instant now) {
        notice.attempts++;
        notice.leaseUntil = now.plus(LEASE);
    }
}
