package dev.nohold.channel.template;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Puts every Quarkus test of the module on the core's embedded PostgreSQL and the provider's stand-in. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ProviderStandIn.class, restrictToAnnotatedClass = false)
public class TemplateTestResources {
}
