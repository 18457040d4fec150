package dev.nohold.core.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What supervisors see of a flow: how its conversations ended (self-served, handed off, abandoned, ended, still
 * waiting) and, for the abandoned ones, the step where people stopped.
 */
@ApplicationScoped
public class FlowFigures {

    public record Figures(String flowId, Map<String, Long> outcomes, Map<String, Long> abandonedAt) {
    }

    private final EntityManager entityManager;

    public FlowFigures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    public Figures of(String flowId) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.key(), 0L);
        }
        List<Object[]> rows = entityManager.createNativeQuery("select coalesce(outcome, 'waiting'), count(*) from"
                + " flow_conversation where flow_id = ?1 group by 1").setParameter(1, flowId).getResultList();
        rows.forEach(row -> outcomes.put((String) row[0], ((Number) row[1]).longValue()));
        Map<String, Long> abandonedAt = new LinkedHashMap<>();
        List<Object[]> steps = entityManager.createNativeQuery("select coalesce(step, '(start)'), count(*) from"
                + " flow_conversation where flow_id = ?1 and outcome = 'abandoned' group by 1 order by 2 desc, 1")
                .setParameter(1, flowId).getResultList();
        steps.forEach(row -> abandonedAt.put((String) row[0], ((Number) row[1]).longValue()));
        return new Figures(flowId, outcomes, abandonedAt);
    }
}
