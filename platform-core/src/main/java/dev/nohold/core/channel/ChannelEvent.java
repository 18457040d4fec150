package dev.nohold.core.channel;

import java.util.UUID;

/**
 * A committed change as a channel hears it, on every node: a request's event (its type and status after the change,
 * as in the request's timeline) or a channel's own signal ({@link ChannelSignals#signal}). Fired asynchronously
 * ({@code @ObservesAsync}), so a channel's observer never holds up the node's live-event listener.
 *
 * @param channel the channel that sent the signal, or null for the core's own request events
 * @param detail  the signal's detail, or the request event's detail
 */
public record ChannelEvent(long id, String type, UUID requestId, String reference, String status, String channel,
                           String detail) {

    /** The type of a channel's own signal. */
    public static final String SIGNAL = "CHANNEL_SIGNAL";

    /** A signal that {@code channelId} sent. */
    public boolean isSignalOf(String channelId) {
        return SIGNAL.equals(type) && channelId.equals(channel);
    }
}
