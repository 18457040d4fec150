package dev.nohold.core.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The supervisors' figures' typed configuration; every default lives here and in the README. */
@ConfigMapping(prefix = "nohold.supervision")
public interface SupervisionConfig {

    /**
     * The average and 90th-percentile waits (queued to assigned) are over requests assigned within this long: an
     * hour tells a supervisor how customers wait now, not how they waited this morning.
     */
    @WithDefault("1h")
    Duration waitWindow();
}
