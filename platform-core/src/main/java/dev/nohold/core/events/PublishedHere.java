package dev.nohold.core.events;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the live events this node wrote lately, so what a node keeps from events can tell its own changes
 * (which it applied the moment they committed) from other nodes' (which only the events bring). The newest few
 * thousand are kept: the listener hears an event within moments of its commit.
 */
@ApplicationScoped
public class PublishedHere {

    private static final int KEPT = 10_000;

    private final Map<Long, Boolean> ids = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void add(long id) {
        ids.put(id, Boolean.TRUE);
    }

    /** Whether this node wrote the event. */
    public synchronized boolean contains(long id) {
        return ids.containsKey(id);
    }
}
