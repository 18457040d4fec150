package dev.nohold.core.channel;

/**
 * How a channel stands, for operators: whether it has its configuration and whether its provider answers.
 *
 * @param problem what is wrong, in words an operator can act on: the configuration it misses, else its last error;
 *                null when nothing is
 */
public record ChannelStatus(String id, String name, String icon, boolean configured, boolean healthy,
                            String problem) {

    public static ChannelStatus of(Channel channel) {
        String problem = channel.missingConfiguration().map(missing -> "Not configured: " + missing)
                .or(channel::lastError).orElse(null);
        return new ChannelStatus(channel.id(), channel.displayName(), channel.icon(), channel.configured(),
                channel.healthy(), problem);
    }
}
