package dev.nohold.core.channel;

import java.util.UUID;

/** One delivery of a reply as the channel that sent it sees it: its provider's id and how often it was tried. */
public record ChannelDelivery(UUID id, UUID requestId, String channel, String providerId, int attempts) {
}
