package dev.nohold.core.speech;

import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Transcription as durable work in PostgreSQL: a spoken request waits in TRANSCRIBING until a node leases it
 * ({@code FOR UPDATE SKIP LOCKED}, so two nodes never take the same one and never wait on each other). The node
 * renews the lease while it works; if it stops, the lease runs out and the next claim, on any node or after a
 * restart, takes the recording up again.
 */
@ApplicationScoped
public class TranscriptionClaim {

    private static final String DUE = """
            select * from customer_request
             where status = 'TRANSCRIBING'
               and (transcription_lease_until is null or transcription_lease_until < :now)
             order by created_at, id
             limit :limit
               for update skip locked""";

    private final EntityManager entityManager;
    private final Clock clock;
    private final SpeechConfig config;

    public TranscriptionClaim(EntityManager entityManager, Clock clock, SpeechConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
    }

    /** Leases up to {@code limit} waiting recordings to this node, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<ClaimedRecording> claim(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Request> due = entityManager.createNativeQuery(DUE, Request.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return due.stream().map(request -> {
            request.transcriptionLeaseUntil = now.plus(config.lease());
            request.transcriptionAttempts++;
            return new ClaimedRecording(request.id, request.reference, request.audioKey,
                    request.transcriptionAttempts, request.language);
        }).toList();
    }

    /** Keeps the leases of the recordings this node is still working on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renew(Collection<UUID> requestIds) {
        if (!requestIds.isEmpty()) {
            Request.update("transcriptionLeaseUntil = ?1 where id in ?2 and status = ?3",
                    clock.instant().plus(config.lease()), requestIds, RequestStatus.TRANSCRIBING);
        }
    }

    /** Hands recordings back at once (a clean shutdown), so the next start need not wait for their leases. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Collection<UUID> requestIds) {
        if (!requestIds.isEmpty()) {
            Request.update("transcriptionLeaseUntil = null, transcriptionAttempts = transcriptionAttempts - 1"
                    + " where id in ?1 and status = ?2", requestIds, RequestStatus.TRANSCRIBING);
        }
    }
}
