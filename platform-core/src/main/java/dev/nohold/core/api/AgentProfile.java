package dev.nohold.core.api;

import java.util.List;

/** An agent as they and admins see them. */
public record AgentProfile(String username, String displayName, List<String> roles, String presence, int capacity,
                           List<String> skills, String phone, int openRequests) {
}
