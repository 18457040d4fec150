package dev.nohold.core.api;

/** Whom a supervisor gives a request to: an agent's username. */
public record ReassignInput(String agent) {
}
