package dev.nohold.core.api;

import java.util.UUID;

/** A request in a list. */
public record RequestSummary(UUID id, String reference, String channel, String from, String status, String text,
                             String audioUrl, String assignedTo, String createdAt) {
}
