package dev.nohold.core.api;

import dev.nohold.core.IsoTime;
import dev.nohold.core.request.QueueFigures;

import java.util.List;
import java.util.Map;

/**
 * The supervisor's view of the queue: requests per status, the longest wait, agents per presence; then requests per
 * channel and status, answers in the last hour and per hour over the last 24 (oldest first, each hour's start), the
 * average and 90th-percentile wait in seconds from queued to assigned over the last {@code waitWindowSeconds}
 * ({@code null} when nobody was assigned in it; {@code waitsCounted} says over how many), and who holds what.
 */
public record QueueView(Map<String, Long> counts, long oldestWaitSeconds, Map<String, Long> agents,
                        Map<String, Map<String, Long>> countsByChannel, long answeredLastHour,
                        List<HourView> answeredPerHour, Double averageWaitSeconds, Double p90WaitSeconds,
                        long waitWindowSeconds, long waitsCounted, List<HolderView> holders) {

    static QueueView of(QueueFigures figures) {
        return new QueueView(figures.counts(), figures.oldestWaitSeconds(), figures.agents(),
                figures.countsByChannel(), figures.answeredLastHour(),
                figures.answeredPerHour().stream().map(HourView::of).toList(), figures.averageWaitSeconds(),
                figures.p90WaitSeconds(), figures.waitWindowSeconds(), figures.waitsCounted(),
                figures.holders().stream().map(HolderView::of).toList());
    }

    /** Requests answered in the hour that starts at {@code hour}. */
    public record HourView(String hour, long count) {

        static HourView of(QueueFigures.HourCount count) {
            return new HourView(IsoTime.format(count.hour()), count.count());
        }
    }

    /** An agent who is there or holds work: presence and the references they hold. */
    public record HolderView(String username, String displayName, String presence, int capacity, List<String> holds) {

        static HolderView of(QueueFigures.Holder holder) {
            return new HolderView(holder.username(), holder.displayName(), holder.presence(), holder.capacity(),
                    holder.holds());
        }
    }
}
