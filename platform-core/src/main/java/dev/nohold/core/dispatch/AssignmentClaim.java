package dev.nohold.core.dispatch;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.database.PlainSql;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * The atomic claim of one assignment in PostgreSQL: the longest-idle agent with free capacity gets the
 * highest-priority, longest-waiting request they may take: one needing a skill only an agent who has it, one in a
 * language only an agent who speaks it (the language's first subtag: an "en" agent takes "en-US"; an agent with no
 * languages listed takes any, a request with no language goes to anyone); never to the agent a supervisor took it
 * from.
 *
 * <p>The candidate agent is found without locks, then that one row is locked and checked again
 * ({@code FOR UPDATE}), so an agent's capacity is never exceeded and a transaction never holds one agent while
 * waiting for another. The request is then claimed with {@code FOR UPDATE SKIP LOCKED}, so two dispatchers (on
 * one node or several) never take the same request and never wait on each other. Every transaction that locks an
 * agent and a request locks the agent first, so there is no lock cycle.
 */
@ApplicationScoped
public class AssignmentClaim {

    private static final int MAX_RACES_PER_CLAIM = 20;

    private static final String WAITING_REQUEST_FOR_AGENT = """
            r.status = 'QUEUED'
            and (r.required_skill is null or a.skills @> jsonb_build_array(r.required_skill))
            and (r.language is null or a.languages = '[]'::jsonb
                 or exists (select 1 from jsonb_array_elements_text(a.languages) spoken
                             where split_part(spoken, '-', 1) = split_part(lower(r.language), '-', 1)))
            and (r.attributes ->> 'takenFrom' is null or r.attributes ->> 'takenFrom' <> a.username)""";

    /** The candidate is chosen without locks, then only its row is locked and its idleness checked again. */
    private static final String LOCK_CANDIDATE_AGENT = """
            select id from agent
             where id = (select a.id from agent a
                          where a.presence = 'AVAILABLE' and a.open_assignments < a.capacity
                            and exists (select 1 from customer_request r where %s)
                          order by a.idle_since, a.id
                          limit 1)
               and presence = 'AVAILABLE' and open_assignments < capacity
               for update""".formatted(WAITING_REQUEST_FOR_AGENT);

    private static final String ANY_CANDIDATE_AGENT = """
            select exists (select 1 from agent a
                            where a.presence = 'AVAILABLE' and a.open_assignments < a.capacity
                              and exists (select 1 from customer_request r where %s))""".formatted(WAITING_REQUEST_FOR_AGENT);

    private static final String NEXT_REQUEST_FOR_AGENT = """
            select r.* from customer_request r, agent a
             where a.id = :agent and %s
             order by r.requeued desc, r.priority desc, r.queued_at, r.id
             limit 1
               for update of r skip locked""".formatted(WAITING_REQUEST_FOR_AGENT);

    private final EntityManager entityManager;
    private final Lifecycle lifecycle;
    private final PlainSql sql;

    public AssignmentClaim(EntityManager entityManager, Lifecycle lifecycle, DataSource dataSource) {
        this.sql = new PlainSql(dataSource, "Assignment claim");
        this.entityManager = entityManager;
        this.lifecycle = lifecycle;
    }

    /**
     * Makes one assignment if any idle agent has a request they may take. Returns false only when there is none;
     * after losing many races in a row to other dispatchers it returns true, so the caller simply asks again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean assignNext() {
        for (int race = 0; race < MAX_RACES_PER_CLAIM; race++) {
            Agent agent = lockCandidateAgent();
            if (agent == null) {
                if (!anyCandidate()) {
                    return false;
                }
                continue;
            }
            Request request = nextRequestFor(agent);
            if (request != null) {
                lifecycle.assign(request, agent);
                return true;
            }
        }
        return true;
    }

    /**
     * Null when there is no idle agent with waiting work, or when another dispatcher changed the candidate. The two
     * queries asked on every wake-up (nearly always finding nobody at a peak) go over plain JDBC: through the ORM, a
     * native query's plan lookup cost more than the query.
     */
    private Agent lockCandidateAgent() {
        // Locked by the query: reading it now finds its committed state, which no one can change before our commit.
        return sql.one(LOCK_CANDIDATE_AGENT, row -> row.getObject(1, UUID.class))
                .map(id -> entityManager.find(Agent.class, id)).orElse(null);
    }

    private boolean anyCandidate() {
        return sql.one(ANY_CANDIDATE_AGENT, row -> row.getBoolean(1)).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private Request nextRequestFor(Agent agent) {
        List<Request> found = entityManager.createNativeQuery(NEXT_REQUEST_FOR_AGENT, Request.class)
                .setParameter("agent", agent.id)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
