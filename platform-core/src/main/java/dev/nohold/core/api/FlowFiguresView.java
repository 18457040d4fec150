package dev.nohold.core.api;

import dev.nohold.core.flow.FlowFigures;

import java.util.Map;

/**
 * How a flow's conversations ended ({@code outcomes}: self-served, handoff, abandoned, ended, waiting) and where the
 * abandoned ones stopped ({@code abandonedAt}: step id to count).
 */
public record FlowFiguresView(String id, Map<String, Long> outcomes, Map<String, Long> abandonedAt) {

    static FlowFiguresView of(FlowFigures.Figures figures) {
        return new FlowFiguresView(figures.flowId(), figures.outcomes(), figures.abandonedAt());
    }
}
