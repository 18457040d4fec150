package dev.nohold.core.channel;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows each channel's state in {@code /q/health/ready} without making the node unready: a channel that misses its
 * configuration or cannot reach its provider stops only itself, and the other channels, the inbox and the queue
 * carry on.
 */
@Readiness
@ApplicationScoped
public class ChannelsReadiness implements HealthCheck {

    private final Channels channels;

    public ChannelsReadiness(Channels channels) {
        this.channels = channels;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("channels").up();
        for (Channel channel : channels.all()) {
            ChannelStatus status = ChannelStatus.of(channel);
            response.withData(status.id(), status.problem() == null ? "ready" : status.problem());
        }
        return response.build();
    }
}
