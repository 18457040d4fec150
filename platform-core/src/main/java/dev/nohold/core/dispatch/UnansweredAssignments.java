package dev.nohold.core.dispatch;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Agents;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The reservation timeout: an assignment left unanswered past {@code nohold.dispatch.unanswered-timeout} while its
 * agent is AWAY, or AVAILABLE but no longer connected (their inbox's event stream silent for
 * {@code nohold.dispatch.connection-timeout}), returns to the queue first in line, with the reason on its timeline.
 * A disconnected agent is also set AWAY, so the next request does not go to an inbox nobody watches.
 *
 * <p>An agent who never opened an event stream (an API client) is not judged by connection: nothing says whether
 * they are there, so only AWAY counts for them. Runs on every node; the row locks make each return happen once.
 */
@ApplicationScoped
public class UnansweredAssignments {

    private static final Logger LOG = Logger.getLogger(UnansweredAssignments.class);
    private static final int BATCH = 50;

    private static final String ABANDONED = """
            select r.id from customer_request r join agent a on a.id = r.assigned_agent_id
             where r.status = 'ASSIGNED' and r.assigned_at < :cutoff
               and (a.presence = 'AWAY' or a.last_seen_at < :stale)
             order by r.assigned_at, r.id
             limit :batch""";

    private final EntityManager entityManager;
    private final Lifecycle lifecycle;
    private final Agents agents;
    private final Duration timeout;
    private final Duration connectionTimeout;

    public UnansweredAssignments(EntityManager entityManager, Lifecycle lifecycle, Agents agents,
                                 NoholdConfig config) {
        this.entityManager = entityManager;
        this.lifecycle = lifecycle;
        this.agents = agents;
        this.timeout = config.dispatch().unansweredTimeout();
        this.connectionTimeout = config.dispatch().connectionTimeout();
    }

    /** Returns to the queue what was abandoned as of {@code now}; how many requests went back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int returnAbandoned(Instant now) {
        List<UUID> abandoned = entityManager.createNativeQuery(ABANDONED, UUID.class)
                .setParameter("cutoff", utc(now.minus(timeout)))
                .setParameter("stale", utc(now.minus(connectionTimeout)))
                .setParameter("batch", BATCH)
                .getResultList();
        int returned = 0;
        for (UUID id : abandoned) {
            if (returnIfAbandoned(id, now)) {
                returned++;
            }
        }
        return returned;
    }

    private boolean returnIfAbandoned(UUID requestId, Instant now) {
        Request unlocked = Request.findById(requestId);
        Agent agent = unlocked == null ? null : unlocked.assignedTo;
        if (agent == null) {
            return false;
        }
        // The agent before the request, as the dispatcher and replies lock them, so none of them deadlock.
        entityManager.lock(agent, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(agent);
        Request request = Request.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(request);
        String why = absence(agent, now);
        if (why == null || !agent.equals(request.assignedTo) || request.assignedAt == null
                || request.assignedAt.isAfter(now.minus(timeout))) {
            return false;
        }
        lifecycle.requeueUnanswered(request, agent, "unanswered for " + minutes(timeout) + " while " + agent.username
                + " " + why);
        if (agent.presence == Presence.AVAILABLE) {
            agents.changePresence(agent.username, Presence.AWAY.name());
        }
        LOG.infof("Request %s returned to the queue: %s %s", request.reference, agent.username, why);
        return true;
    }

    /** Why the agent counts as gone, or null when they do not. */
    private String absence(Agent agent, Instant now) {
        if (agent.presence == Presence.AWAY) {
            return "was away";
        }
        Instant lastSeen = (Instant) entityManager.createNativeQuery(
                        "select last_seen_at from agent where id = :id", Instant.class)
                .setParameter("id", agent.id).getSingleResult();
        if (lastSeen != null && lastSeen.isBefore(now.minus(connectionTimeout))) {
            return "was no longer connected (their inbox was last heard from " + lastSeen + ")";
        }
        return null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + " min" : duration.toSeconds() + " s";
    }
}
