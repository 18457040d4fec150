package dev.nohold.core.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Puts every Quarkus test of the module on the embedded PostgreSQL. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public class TestDatabase {
}
