package dev.nohold.channel.sms;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Tells a texter, honestly, how long they will wait: their place in the dispatcher's line, and the time that place
 * takes at the pace agents took requests during the last {@code nohold.sms.throughput-window}. With agents free
 * right now the answer is "in a moment"; with no assignment in the window there is no pace to go by, and the
 * texter is told so rather than given a number made up.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WaitEstimates {

    // The dispatcher's order: requeued first, then higher priority, then the longest waiting.
    private static final String AHEAD = """
            select count(r) from Request r where r.status = :queued and r.id <> :id and (
                 (r.requeued = true and :requeued = false)
              or (r.requeued = :requeued and (r.priority > :priority
                  or (r.priority = :priority and (r.queuedAt < :queuedAt
                      or (r.queuedAt = :queuedAt and r.id < :id))))))""";

    private final Clock clock;
    private final SmsConfig config;

    public WaitEstimates(Clock clock, SmsConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The sentence that fills a prompt's {@code {wait}} for this request. */
    public String describe(Request request) {
        SmsConfig.Prompts prompts = config.prompts();
        if (request.status == RequestStatus.ASSIGNED) {
            return prompts.withAgent();
        }
        long position = position(request);
        if (freeAgentPlaces() >= position) {
            return Prompts.fill(prompts.waitNow(), Map.of("position", Long.toString(position)));
        }
        Duration window = config.throughputWindow();
        long assigned = Request.count("assignedAt >= ?1", clock.instant().minus(window));
        if (assigned == 0) {
            return Prompts.fill(prompts.waitUnknown(), Map.of("position", Long.toString(position)));
        }
        long minutes = Math.max(1, (long) Math.ceil(position * (double) window.toMinutes() / assigned));
        return Prompts.fill(prompts.waitKnown(),
                Map.of("position", Long.toString(position), "minutes", Long.toString(minutes)));
    }

    /** 1 for the next in line. A request not yet queued (still transcribing) counts behind everyone queued. */
    long position(Request request) {
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
