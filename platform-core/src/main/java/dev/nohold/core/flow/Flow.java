package dev.nohold.core.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One conversation flow as read from its YAML document: what it is called, its settings, where customers enter it,
 * the example conversations it must pass before it is activated, and its steps by id (in the document's order; the
 * first is where a conversation starts).
 */
public record Flow(String id, String name, int version, FlowSettings settings, List<EntryPoint> entryPoints,
                   List<FlowExample> examples, Map<String, Step> steps, String source) {

    public Step first() {
        return steps.values().iterator().next();
    }

    public Optional<Step> step(String stepId) {
        return Optional.ofNullable(stepId == null ? null : steps.get(stepId));
    }

    /** The same flow numbered as the platform stored it. */
    public Flow withVersion(int stored) {
        return new Flow(id, name, stored, settings, entryPoints, examples, steps, source);
    }

    /**
     * How well this flow fits a customer arriving on {@code channel} at {@code entry} (the number they called, the
     * address they wrote to): 3 for the channel and entry named, 2 for any channel at that entry, 1 for the channel
     * with no entry named, 0 for any channel with none; -1 when it does not serve them.
     */
    public int fit(String channel, String entry) {
        int best = -1;
        for (EntryPoint point : entryPoints) {
            best = Math.max(best, point.fit(channel, entry));
        }
        return best;
    }

    /** Where customers reach a flow: a channel id or {@code *} for every channel, and optionally an entry on it. */
    public record EntryPoint(String channel, String entry) {

        int fit(String onChannel, String atEntry) {
            boolean anyChannel = "*".equals(channel);
            if (!anyChannel && !channel.equals(onChannel)) {
                return -1;
            }
            if (entry != null) {
                return entry.equalsIgnoreCase(atEntry) ? (anyChannel ? 2 : 3) : -1;
            }
            return anyChannel ? 0 : 1;
        }
    }
}
