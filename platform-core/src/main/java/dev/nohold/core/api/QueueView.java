package dev.nohold.core.api;

import dev.nohold.core.request.QueueFigures;

import java.util.Map;

/** The supervisor's view of the queue: requests per status, the longest wait, agents per presence. */
public record QueueView(Map<String, Long> counts, long oldestWaitSeconds, Map<String, Long> agents) {

    static QueueView of(QueueFigures figures) {
        return new QueueView(figures.counts(), figures.oldestWaitSeconds(), figures.agents());
    }
}
