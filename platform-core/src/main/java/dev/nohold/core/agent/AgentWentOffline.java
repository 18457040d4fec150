package dev.nohold.core.agent;

import java.util.UUID;

/**
 * Fired inside the transaction in which an agent went OFFLINE, with their row locked: whatever holds the agent
 * (a live contact ringing them) lets go in the same transaction.
 */
public record AgentWentOffline(UUID agentId, String username) {
}
