package dev.nohold.tck;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Puts the sample channels' kit runs on the core's embedded PostgreSQL. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public class KitTestDatabase {
}
