package dev.nohold.channel.voice;

import dev.nohold.core.testing.EmbeddedPostgresResource;
import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.common.QuarkusTestResource;

/** Puts every Quarkus test of the module on the embedded PostgreSQL and the local Twilio stand-in. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TwilioStandIn.class, restrictToAnnotatedClass = false)
public class VoiceTestDatabase {
}
