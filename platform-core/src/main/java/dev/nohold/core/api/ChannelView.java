package dev.nohold.core.api;

import dev.nohold.core.channel.ChannelStatus;

/**
 * A channel as {@code GET /api/channels} shows it.
 *
 * @param lastError what is wrong: the configuration it misses, or its provider's last error; null when nothing is
 */
public record ChannelView(String id, String name, String icon, boolean configured, boolean healthy,
                          String lastError) {

    static ChannelView of(ChannelStatus status) {
        return new ChannelView(status.id(), status.name(), status.icon(), status.configured(), status.healthy(),
                status.problem());
    }
}
