package dev.nohold.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The queue at a glance: requests per status, the longest current wait, agents per presence; and for the
 * supervisors' view, requests per channel and status, answers in the last hour and per hour over a day, the
 * average and 90th-percentile wait (queued to assigned) over the configured window (null when nobody was assigned
 * in it), and who holds what.
 */
public record QueueFigures(Map<String, Long> counts, long oldestWaitSeconds, Map<String, Long> agents,
                           Map<String, Map<String, Long>> countsByChannel, long answeredLastHour,
                           List<HourCount> answeredPerHour, Double averageWaitSeconds, Double p90WaitSeconds,
                           long waitWindowSeconds, long waitsCounted, List<Holder> holders) {

    public QueueFigures(Map<String, Long> counts, long oldestWaitSeconds, Map<String, Long> agents) {
        this(counts, oldestWaitSeconds, agents, Map.of(), 0, List.of(), null, null, 0, 0, List.of());
    }

    /** How many requests were answered in the hour starting at {@code hour}. */
    public record HourCount(Instant hour, long count) {
    }

    /** An agent who is not offline or holds work, with their presence and the references of what they hold. */
    public record Holder(String username, String displayName, String presence, int capacity, List<String> holds) {
    }
}
