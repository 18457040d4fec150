package dev.nohold.core.request;

import java.util.Map;

/** The queue at a glance: requests per status, the longest current wait, agents per presence. */
public record QueueFigures(Map<String, Long> counts, long oldestWaitSeconds, Map<String, Long> agents) {
}
