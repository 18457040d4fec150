package dev.nohold.core.channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One reply on its way to the customer, as the core hands it to a {@link Channel}.
 *
 * @param deliveryId  stable across retries of this reply: the idempotency key toward the provider
 * @param attempt     1 for the first try
 * @param audioUrl    where the agent's recorded reply can be fetched (relative to the public URL), or null
 * @param attributes  what the channel stored with the request at intake
 */
public record OutboundReply(
        UUID deliveryId,
        int attempt,
        UUID requestId,
        String reference,
        String channel,
        String to,
        String text,
        String audioUrl,
        String audioType,
        String by,
        Instant at,
        String language,
        Map<String, String> attributes) {
}
