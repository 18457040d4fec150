package dev.nohold.channel.email;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Puts every Quarkus test of the module on the embedded PostgreSQL and the test's mail server. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
public class EmailTestResources {
}
