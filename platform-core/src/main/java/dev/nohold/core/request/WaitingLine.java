package dev.nohold.core.request;

import dev.nohold.core.events.ListeningResumed;
import dev.nohold.core.events.LiveEvent;
import dev.nohold.core.events.PublishedHere;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * This node's copy of the dispatcher's line, so a customer's place in it is read, not counted: counting the requests
 * ahead costs as much as the line is long, and the line is longest exactly when intake must be fastest.
 *
 * <p>It is kept up to date from two sources. This node's own changes arrive right after they commit
 * ({@link LineChanged}, so the next webhook already sees the last one); other nodes' changes arrive as live events
 * (this node's own events are passed over: they would arrive after the change they tell of, and an intake's
 * RECEIVED would undo its QUEUED), and their requests newly queued are looked up, in one query, when a place is
 * next asked for. It is read in
 * full from the database at the first question, after the event listener lost and regained its connection (events
 * may have been missed), and every {@link #REFRESH} as a safety net. Between those, a place can be off by the
 * changes other nodes committed in the last few milliseconds: it is an estimate a customer is told, never a rule the
 * dispatcher follows (the dispatcher reads the database).
 */
@ApplicationScoped
public class WaitingLine {

    static final Duration REFRESH = Duration.ofMinutes(5);

    private final Clock clock;
    private final PublishedHere publishedHere;
    private final NavigableSet<Place> line = new TreeSet<>();
    private final Map<UUID, Place> places = new HashMap<>();
    /** Requests heard of as queued on another node whose place is not known yet. */
    private final Set<UUID> unplaced = new HashSet<>();
    private final Object reading = new Object();
    private Instant readAt;
    /** While the line is being read: the changes heard meanwhile, to apply again to what was read. */
    private List<Runnable> heardWhileReading;

    public WaitingLine(Clock clock, PublishedHere publishedHere) {
        this.clock = clock;
        this.publishedHere = publishedHere;
    }

    /**
     * 1 for the next in line. A request not (or not yet) queued, still being transcribed, counts behind everyone
     * queued.
     */
    public long positionOf(Request request) {
        catchUp();
        synchronized (this) {
            if (request.status != RequestStatus.QUEUED || request.queuedAt == null) {
                return line.size() + 1;
            }
            // The place as kept, if it is: the caller's copy of the request may hold its time more precisely than
            // the database, which rounds it to microseconds.
            Place kept = places.get(request.id);
            Place place = kept != null ? kept : Place.of(request);
            long behind = line.tailSet(place, false).size();
            long ahead = line.size() - behind - (kept != null ? 1 : 0);
            return ahead + 1;
        }
    }

    /**
     * The place of the request with this id: 1 for the next in line; one not queued (as far as this node knows)
     * counts behind everyone queued.
     */
    public long positionOf(UUID requestId) {
        catchUp();
        synchronized (this) {
            Place kept = places.get(requestId);
            if (kept == null) {
                return line.size() + 1;
            }
            return line.size() - line.tailSet(kept, false).size();
        }
    }

    /** How many requests wait in line. */
    public long length() {
        catchUp();
        synchronized (this) {
            return line.size();
        }
    }

    void changedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) LineChanged change) {
        apply(change.place() == null ? () -> remove(change.requestId()) : () -> put(change.place()));
    }

    void heard(@Observes LiveEvent event) {
        if (event.requestId() == null || event.status() == null || publishedHere.contains(event.id())) {
            return;
        }
        if (!RequestStatus.QUEUED.name().equals(event.status())) {
            apply(() -> remove(event.requestId()));
        } else {
            apply(() -> {
                if (!places.containsKey(event.requestId())) {
                    unplaced.add(event.requestId());
                }
            });
        }
    }

    private synchronized void apply(Runnable change) {
        change.run();
        if (heardWhileReading != null) {
            heardWhileReading.add(change);
        }
    }

    void resumed(@Observes ListeningResumed event) {
        reread();
    }

    /** Reads the line afresh at the next question: the tables were changed behind the platform's back (tests). */
    public synchronized void reread() {
        readAt = null;
    }

    /** Reads the whole line when due, and the places of requests queued elsewhere. */
    private void catchUp() {
        if (stale()) {
            synchronized (reading) {
                if (stale()) {
                    readWhole();
                }
            }
        }
        List<UUID> toPlace;
        synchronized (this) {
            toPlace = unplaced.isEmpty() ? List.of() : new ArrayList<>(unplaced);
        }
        if (!toPlace.isEmpty()) {
            List<Place> found = QuarkusTransaction.requiringNew().call(() -> queued(toPlace));
            synchronized (this) {
                // Only those still unplaced: one that left the line while this was read stays out.
                found.stream().filter(place -> unplaced.contains(place.id())).forEach(this::put);
                unplaced.removeAll(toPlace);
            }
        }
    }

    private synchronized boolean stale() {
        return readAt == null || readAt.plus(REFRESH).isBefore(clock.instant());
    }

    /**
     * Reads the line in its own transaction (never the caller's, whose uncommitted request may yet roll back). What
     * this node hears while reading is applied again after it, so no change made meanwhile is lost.
     */
    private void readWhole() {
        Instant started = clock.instant();
        synchronized (this) {
            heardWhileReading = new ArrayList<>();
        }
        List<Place> read;
        try {
            read = QuarkusTransaction.requiringNew().call(() -> queued(null));
        } catch (RuntimeException e) {
            synchronized (this) {
                heardWhileReading = null;
            }
            throw e;
        }
        synchronized (this) {
            line.clear();
            places.clear();
            unplaced.clear();
            read.forEach(this::put);
            heardWhileReading.forEach(Runnable::run);
            heardWhileReading = null;
            readAt = started;
        }
    }

    private static List<Place> queued(List<UUID> only) {
        String query = "select r.id, r.requeued, r.priority, r.queuedAt from Request r where r.status = :queued"
                + (only == null ? "" : " and r.id in :ids");
        var select = Request.getEntityManager().createQuery(query, Object[].class)
                .setParameter("queued", RequestStatus.QUEUED);
        if (only != null) {
            select.setParameter("ids", only);
        }
        return select.getResultStream()
                .map(row -> new Place((Boolean) row[1], (Integer) row[2], (Instant) row[3], (UUID) row[0]))
                .toList();
    }

    private void put(Place place) {
        Place earlier = places.put(place.id(), place);
        if (earlier != null) {
            line.remove(earlier);
        }
        line.add(place);
        unplaced.remove(place.id());
    }

    private void remove(UUID requestId) {
        Place earlier = places.remove(requestId);
        if (earlier != null) {
            line.remove(earlier);
        }
        unplaced.remove(requestId);
    }

    /**
     * A request's place, in the dispatcher's order: requeued first, then higher priority, then the longest waiting,
     * then by id as PostgreSQL orders uuids (bytewise, as their text compares).
     */
    public record Place(boolean requeued, int priority, Instant queuedAt, UUID id) implements Comparable<Place> {

        static Place of(Request request) {
            return new Place(request.requeued, request.priority, request.queuedAt, request.id);
        }

        @Override
        public int compareTo(Place other) {
            if (requeued != other.requeued) {
                return requeued ? -1 : 1;
            }
            if (priority != other.priority) {
                return Integer.compare(other.priority, priority);
            }
            int byTime = queuedAt.compareTo(other.queuedAt);
            return byTime != 0 ? byTime : id.toString().compareTo(other.id.toString());
        }
    }

    /** A request of this node joined the line ({@code place}) or left it (null), fired before its commit. */
    public record LineChanged(UUID requestId, Place place) {
    }
}
