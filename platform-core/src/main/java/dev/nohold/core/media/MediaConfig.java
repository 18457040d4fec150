package dev.nohold.core.media;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where media are kept: in PostgreSQL unless a directory every node shares is configured. */
@ConfigMapping(prefix = "nohold.media")
public interface MediaConfig {

    /** A directory (mounted on every node) to keep media in as files, instead of the database. */
    Optional<String> directory();
}
