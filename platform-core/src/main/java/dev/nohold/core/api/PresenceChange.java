package dev.nohold.core.api;

import jakarta.validation.constraints.NotNull;

/** An agent's new presence: AVAILABLE, AWAY or OFFLINE. */
public record PresenceChange(@NotNull(message = "status is required: AVAILABLE, AWAY or OFFLINE") String status) {
}
