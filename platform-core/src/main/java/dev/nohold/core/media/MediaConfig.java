package dev.nohold.core.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where media are kept (in PostgreSQL unless a directory every node shares is configured) and how they are shared. */
@ConfigMapping(prefix = "nohold.media")
public interface MediaConfig {

    /** A directory (mounted on every node) to keep media in as files, instead of the database. */
    Optional<String> directory();

    ReplyLinks replyLinks();

    /** Links to agents' recorded replies that customers open without a login (an SMS carries one). */
    interface ReplyLinks {
        /**
         * The HMAC key the links are signed with. Unset: one is generated on first start and kept in the database,
         * so every node signs and checks alike. Changing it invalidates every link sent.
         */
        Optional<String> secret();

        /** How long a link works after it was sent. */
        @WithDefault("7d")
        Duration ttl();
    }
}
