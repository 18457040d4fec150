package dev.nohold.channel.webhook;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The webhook channel's typed configuration under {@code nohold.webhook.*}; the defaults live here and in the README. */
@ConfigMapping(prefix = "nohold.webhook")
public interface WebhookConfig {

    /**
     * The secret shared with the caller: it signs what they send and what we call back. Unset, the channel refuses
     * every call, since an unsigned intake would let anyone on the network file requests.
     */
    Optional<String> secret();

    /** The largest intake body taken; a request is a short text, not a document. */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** How long a callback may take to connect. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a callback may take in all before the attempt counts as failed (and is retried). */
    @WithDefault("10s")
    Duration callbackTimeout();
}
