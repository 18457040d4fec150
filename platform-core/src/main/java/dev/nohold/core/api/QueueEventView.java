package dev.nohold.core.api;

import dev.nohold.core.request.QueueFigures;

import java.util.List;
import java.util.Map;

/**
 * The queue's figures as a supervisor's event stream sends them, in events named {@code queue} (an
 * {@code EventSource} hears them with {@code addEventListener("queue", …)}); the fields are those of
 * {@code GET /api/queue}.
 */
public record QueueEventView(String type, Map<String, Long> counts, long oldestWaitSeconds,
                             Map<String, Long> agents, Map<String, Map<String, Long>> countsByChannel,
                             long answeredLastHour, List<QueueView.HourView> answeredPerHour,
                             Double averageWaitSeconds, Double p90WaitSeconds, long waitWindowSeconds,
                             long waitsCounted, List<QueueView.HolderView> holders) {

    static final String TYPE = "QUEUE";

    static QueueEventView of(QueueFigures figures) {
        QueueView view = QueueView.of(figures);
        return new QueueEventView(TYPE, view.counts(), view.oldestWaitSeconds(), view.agents(),
                view.countsByChannel(), view.answeredLastHour(), view.answeredPerHour(), view.averageWaitSeconds(),
                view.p90WaitSeconds(), view.waitWindowSeconds(), view.waitsCounted(), view.holders());
    }
}
