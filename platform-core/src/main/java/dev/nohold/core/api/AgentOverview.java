package dev.nohold.core.api;

import dev.nohold.core.IsoTime;
import dev.nohold.core.agent.Agent;
import dev.nohold.core.request.Request;

import java.util.List;
import java.util.UUID;

/**
 * An agent in the supervisors' list: the fields of {@link AgentProfile}, whether the account is disabled, and the
 * requests they hold now (who holds what).
 */
public record AgentOverview(String username, String displayName, List<String> roles, String presence, int capacity,
                            List<String> skills, String phone, int openRequests, boolean disabled,
                            List<Held> holds, List<String> languages) {

    static AgentOverview of(Agent agent, List<Request> held) {
        return new AgentOverview(agent.username, agent.displayName, agent.roleNames(), agent.presence.name(),
                agent.capacity, List.copyOf(agent.skills), agent.phone, agent.openAssignments, agent.disabled,
                held.stream().map(Held::of).toList(), List.copyOf(agent.languages));
    }

    /** A request an agent holds. */
    public record Held(UUID id, String reference, String channel, String assignedAt) {

        static Held of(Request request) {
            return new Held(request.id, request.reference, request.channel,
                    IsoTime.format(request.assignedAt));
        }
    }
}
