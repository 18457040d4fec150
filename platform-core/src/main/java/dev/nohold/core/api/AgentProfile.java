package dev.nohold.core.api;

import dev.nohold.core.agent.Agent;

import java.util.List;

/** An agent as they and admins see them. */
public record AgentProfile(String username, String displayName, List<String> roles, String presence, int capacity,
                           List<String> skills, String phone, int openRequests, List<String> languages) {

    static AgentProfile of(Agent agent) {
        return new AgentProfile(agent.username, agent.displayName, agent.roleNames(), agent.presence.name(),
                agent.capacity, List.copyOf(agent.skills), agent.phone, agent.openAssignments,
                List.copyOf(agent.languages));
    }
}
