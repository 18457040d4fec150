package dev.nohold.core.dispatch;

import dev.nohold.core.agent.Agent;
import dev.nohold.core.request.Lifecycle;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The atomic claim of one assignment in PostgreSQL: the longest-idle agent with free capacity gets the
 * highest-priority, longest-waiting request they may take.
 *
 * <p>The agent row is locked first and waited for ({@code FOR UPDATE}), so a dispatcher never misses an agent that
 * another node is busy with and never exceeds an agent's capacity; the request row is then claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two dispatchers never take the same request and never wait on each other.
 * Every transaction that touches both locks the agent before the request, so there is no lock cycle.
 */
@ApplicationScoped
public class AssignmentClaim {

    private static final String NEXT_IDLE_AGENT = """
            select * from agent
             where presence = 'AVAILABLE' and open_assignments < capacity %s
             order by idle_since, id
             limit 1
               for update""";

    private static final String NEXT_REQUEST_FOR_AGENT = """
            select r.* from customer_request r
             where r.status = 'QUEUED'
               and (r.required_skill is null
                    or exists (select 1 from agent a where a.id = :agent and a.skills @> jsonb_build_array(r.required_skill)))
             order by r.requeued desc, r.priority desc, r.queued_at, r.id
             limit 1
               for update skip locked""";

    private final EntityManager entityManager;
    private final Lifecycle lifecycle;

    public AssignmentClaim(EntityManager entityManager, Lifecycle lifecycle) {
        this.entityManager = entityManager;
        this.lifecycle = lifecycle;
    }

    /** Makes one assignment, if any agent is idle with a request they may take; true when it did. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean assignNext() {
        List<UUID> agentsWithoutWork = new ArrayList<>();
        while (true) {
            Agent agent = nextIdleAgent(agentsWithoutWork);
            if (agent == null) {
                return false;
            }
            Request request = nextRequestFor(agent);
            if (request != null) {
                lifecycle.assign(request, agent);
                return true;
            }
            agentsWithoutWork.add(agent.id);
        }
    }

    @SuppressWarnings("unchecked")
    private Agent nextIdleAgent(List<UUID> excluded) {
        String sql = NEXT_IDLE_AGENT.formatted(excluded.isEmpty() ? "" : "and id not in (:excluded)");
        var query = entityManager.createNativeQuery(sql, Agent.class);
        if (!excluded.isEmpty()) {
            query.setParameter("excluded", excluded);
        }
        List<Agent> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    @SuppressWarnings("unchecked")
    private Request nextRequestFor(Agent agent) {
        List<Request> found = entityManager.createNativeQuery(NEXT_REQUEST_FOR_AGENT, Request.class)
                .setParameter("agent", agent.id)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
