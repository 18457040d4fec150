package dev.nohold.core.channel;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Counts, once for every channel, where a request stands in the dispatcher's line and how long that place takes at
 * the pace agents took requests lately. With no assignment in the window there is no pace to go by, and the answer
 * says so rather than making a number up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class PlacesInLine {

    // The dispatcher's order: requeued first, then higher priority, then the longest waiting.
    private static final String AHEAD = """
            select count(r) from Request r where r.status = :queued and r.id <> :id and (
                 (r.requeued = true and :requeued = false)
              or (r.requeued = :requeued and (r.priority > :priority
                  or (r.priority = :priority and (r.queuedAt < :queuedAt
                      or (r.queuedAt = :queuedAt and r.id < :id))))))""";

    private final Clock clock;

    PlacesInLine(Clock clock) {
        this.clock = clock;
    }

    PlaceInLine of(Request request, Duration window) {
        if (request.status == RequestStatus.ASSIGNED) {
            return new PlaceInLine(true, 0, 0, OptionalLong.empty());
        }
        long position = position(request);
        long free = freeAgentPlaces();
        long assigned = Request.count("assignedAt >= ?1", clock.instant().minus(window));
        OptionalLong minutes = assigned == 0 ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, (long) Math.ceil(position * (double) window.toMinutes() / assigned)));
        return new PlaceInLine(false, position, free, minutes);
    }

    /** 1 for the next in line. A request not yet queued (still transcribing) counts behind everyone queued. */
    private long position(Request request) {
        if (request.status != RequestStatus.QUEUED || request.queuedAt == null) {
            return Request.count("status", RequestStatus.QUEUED) + 1;
        }
        Long ahead = Request.getEntityManager().createQuery(AHEAD, Long.class)
                .setParameter("queued", RequestStatus.QUEUED)
                .setParameter("id", request.id)
                .setParameter("requeued", request.requeued)
                .setParameter("priority", request.priority)
                .setParameter("queuedAt", request.queuedAt)
                .getSingleResult();
        return ahead + 1;
    }

    /** How many more requests the agents available now can take at once. */
    private long freeAgentPlaces() {
        Long free = Agent.getEntityManager().createQuery("""
                        select sum(a.capacity - a.openAssignments) from Agent a
                         where a.presence = :available and a.openAssignments < a.capacity""", Long.class)
                .setParameter("available", Presence.AVAILABLE)
                .getSingleResult();
        return free == null ? 0 : free;
    }
}
