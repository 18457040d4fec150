package dev.nohold.core.events;

import java.util.UUID;

/**
 * Who is following the feed, and so what they may see: supervisors and admins everything, an agent the events of
 * requests they hold or answered and their own presence.
 */
public record Audience(UUID agentId, String username, boolean seesEverything) {

    public boolean sees(LiveEvent event) {
        return seesEverything || agentId.equals(event.agentId());
    }
}
