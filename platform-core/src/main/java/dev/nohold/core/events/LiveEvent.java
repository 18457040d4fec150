package dev.nohold.core.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed change, as every node and every browser hears of it: a request's event (its status after the
 * change) or an agent's presence. {@code id} orders the feed and is what a client resumes from.
 *
 * @param agentId the agent concerned: the one holding (or having answered) the request, or whose presence changed
 */
public record LiveEvent(long id, Instant at, String type, UUID requestId, String reference, String status,
                        UUID agentId, String agent, String detail) {

    /** The type of an agent's change of presence; its {@code status} is the new presence. */
    public static final String PRESENCE = "PRESENCE";

    public boolean isPresence() {
        return PRESENCE.equals(type);
    }
}
