package dev.nohold.core.channel;

import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import dev.nohold.core.request.WaitingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Tells, once for every channel, where a request stands in the dispatcher's line (read from this node's
 * {@link WaitingLine}, not counted) and how long that place takes at the pace agents took requests lately
 * ({@link AssignmentPace}). With no
 * assignment in the window there is no pace to go by, and the answer says so rather than making a number up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class PlacesInLine {

    /** How many more requests the agents available now take at once (also part of the intake journal's statement). */
    static final String FREE = """
            select coalesce(sum(capacity - open_assignments), 0) from agent
             where presence = 'AVAILABLE' and open_assignments < capacity""";

    private final WaitingLine line;
    private final AssignmentPace pace;

    PlacesInLine(WaitingLine line, AssignmentPace pace) {
        this.line = line;
        this.pace = pace;
    }

    PlaceInLine of(Request request, Duration window) {
        if (request.status == RequestStatus.ASSIGNED) {
            return withAgent();
        }
        long position = line.positionOf(request);
        long free = ((Number) Request.getEntityManager().createNativeQuery(FREE).getSingleResult()).longValue();
        return estimate(position, free, pace.assignedWithin(window), window);
    }

    static PlaceInLine withAgent() {
        return new PlaceInLine(true, 0, 0, OptionalLong.empty());
    }

    /**
     * A place in line with its wait at the pace of the window: {@code free} places agents available now have,
     * {@code assigned} requests taken during the window.
     */
    static PlaceInLine estimate(long position, long free, long assigned, Duration window) {
        OptionalLong minutes = assigned == 0 ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, (long) Math.ceil(position * (double) window.toMinutes() / assigned)));
        return new PlaceInLine(false, position, free, minutes);
    }
}
