package dev.nohold.core.channel;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import dev.nohold.core.request.WaitingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Tells, once for every channel, where a request stands in the dispatcher's line (read from this node's
 * {@link WaitingLine}, not counted) and how long that place takes at the pace agents took requests lately. With no assignment in the window there is no pace to go by, and the answer
 * says so rather than making a number up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class PlacesInLine {

    private final WaitingLine line;
    private final Clock clock;

    PlacesInLine(WaitingLine line, Clock clock) {
        this.line = line;
        this.clock = clock;
    }

    PlaceInLine of(Request request, Duration window) {
        if (request.status == RequestStatus.ASSIGNED) {
            return new PlaceInLine(true, 0, 0, OptionalLong.empty());
        }
        long position = line.positionOf(request);
        long free = freeAgentPlaces();
        long assigned = Request.count("assignedAt >= ?1", clock.instant().minus(window));
        OptionalLong minutes = assigned == 0 ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, (long) Math.ceil(position * (double) window.toMinutes() / assigned)));
        return new PlaceInLine(false, position, free, minutes);
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
