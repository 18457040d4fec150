package dev.nohold.channel.webchat;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Puts every Quarkus test of this module on the core's embedded PostgreSQL (Quarkus scans only our own tests). */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public class TestDatabase {
}
