package dev.nohold.core.agent;

/** Fired inside the transaction that disabled an account (or replaced its password): its browser sessions end. */
public record AgentDisabled(String username) {
}
