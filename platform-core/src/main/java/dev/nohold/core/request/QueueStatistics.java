package dev.nohold.core.request;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.agent.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The supervisors' figures beyond the counts, each one query in PostgreSQL so every node reports the same: depth
 * per channel and status, answers per hour, waits over a window ({@code percentile_cont}) and who holds what.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueStatistics {

    private static final String BY_CHANNEL = "select channel, status, count(*) from customer_request"
            + " group by channel, status order by channel, status";

    private static final String ANSWERED_PER_HOUR = """
            select h.hour, count(e.id)
              from generate_series(date_trunc('hour', cast(:now as timestamptz)) - interval '23 hours',
                                   date_trunc('hour', cast(:now as timestamptz)), interval '1 hour') as h(hour)
              left join request_event e
                on e.type = 'ANSWERED' and e.at >= h.hour and e.at < h.hour + interval '1 hour'
             group by h.hour
             order by h.hour""";

    private static final String ANSWERED_SINCE = "select count(*) from request_event where type = 'ANSWERED'"
            + " and at > :since";

    // From queued to the latest assignment; a request reopened after its answer keeps its first place in line, which
    // is no wait in the queue, so it is left out (as the queue-wait histogram leaves it out).
    private static final String WAITS = """
            select avg(w.seconds), percentile_cont(0.9) within group (order by w.seconds), count(*)
              from (select extract(epoch from assigned_at - queued_at) as seconds
                      from customer_request
                     where assigned_at > :since and queued_at is not null
                       and (answered_at is null or answered_at >= assigned_at)) w""";

    private final EntityManager entityManager;
    private final Clock clock;
    private final SupervisionConfig config;

    public QueueStatistics(EntityManager entityManager, Clock clock, SupervisionConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
    }

    /** The basic figures with everything a supervisor's view adds. */
    public QueueFigures around(QueueFigures basic) {
        Instant now = clock.instant();
        Object[] waits = (Object[]) entityManager.createNativeQuery(WAITS)
                .setParameter("since", now.minus(config.waitWindow()))
                .getSingleResult();
        long answeredLastHour = ((Number) entityManager.createNativeQuery(ANSWERED_SINCE)
                .setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult()).longValue();
        return new QueueFigures(basic.counts(), basic.oldestWaitSeconds(), basic.agents(), byChannel(),
                answeredLastHour, answeredPerHour(now), seconds(waits[0]), seconds(waits[1]),
                config.waitWindow().toSeconds(), ((Number) waits[2]).longValue(), holders());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Long>> byChannel() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        List<Object[]> rows = entityManager.createNativeQuery(BY_CHANNEL).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], channel -> new LinkedHashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<QueueFigures.HourCount> answeredPerHour(Instant now) {
        List<Object[]> rows = entityManager.createNativeQuery(ANSWERED_PER_HOUR).setParameter("now", now)
                .getResultList();
        List<QueueFigures.HourCount> series = new ArrayList<>();
        for (Object[] row : rows) {
            series.add(new QueueFigures.HourCount(instant(row[0]), ((Number) row[1]).longValue()));
        }
        return series;
    }

    private List<QueueFigures.Holder> holders() {
        Map<Agent, List<String>> holds = new LinkedHashMap<>();
        List<Agent> agents = Agent.list("order by lower(username)");
        agents.forEach(agent -> holds.put(agent, new ArrayList<>()));
        Request.<Request>list("from Request r join fetch r.assignedTo where r.status = ?1 order by r.assignedAt, r.id",
                        RequestStatus.ASSIGNED)
                .forEach(request -> holds.computeIfAbsent(request.assignedTo, agent -> new ArrayList<>())
                        .add(request.reference));
        return holds.entrySet().stream()
                .filter(entry -> entry.getKey().presence != Presence.OFFLINE || !entry.getValue().isEmpty())
                .map(entry -> new QueueFigures.Holder(entry.getKey().username, entry.getKey().displayName,
                        entry.getKey().presence.name(), entry.getKey().capacity, List.copyOf(entry.getValue())))
                .toList();
    }

    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
