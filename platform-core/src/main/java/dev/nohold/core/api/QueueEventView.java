package dev.nohold.core.api;

import dev.nohold.core.request.QueueFigures;

import java.util.Map;

/**
 * The queue's figures as a supervisor's event stream sends them, in events named {@code queue} (an
 * {@code EventSource} hears them with {@code addEventListener("queue", …)}); the fields are those of
 * {@code GET /api/queue}.
 */
public record QueueEventView(String type, Map<String, Long> counts, long oldestWaitSeconds,
                             Map<String, Long> agents) {

    static final String TYPE = "QUEUE";

    static QueueEventView of(QueueFigures figures) {
        return new QueueEventView(TYPE, figures.counts(), figures.oldestWaitSeconds(), figures.agents());
    }
}
