package dev.nohold.core.flow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The flows' configuration under {@code nohold.flows.*}; each flow's own settings live in its document. */
@ConfigMapping(prefix = "nohold.flows")
public interface FlowConfig {

    /**
     * How often every node looks for quiet customers to remind or conversations to end; a reminder comes at most this
     * late after the flow's quiet time.
     */
    @WithDefault("5s")
    Duration quietCheckInterval();
}
