package dev.nohold.core.api;

import java.util.List;
import java.util.UUID;

/**
 * One request with its answers, their deliveries and its whole timeline, oldest first; for a spoken request, how
 * sure speech recognition was of its text (0 to 1).
 */
public record RequestView(UUID id, String reference, String channel, String from, String status, String text,
                          String audioUrl, String assignedTo, String createdAt, String language,
                          List<ReplyView> replies, List<DeliveryView> deliveries, List<EventView> events,
                          Double transcriptConfidence) {

    public record ReplyView(UUID id, String text, String audioUrl, String by, String at) {
    }

    public record DeliveryView(String channel, String status, int attempts, String providerId, String error,
                               String updatedAt) {
    }

    public record EventView(String at, String type, String detail) {
    }
}
