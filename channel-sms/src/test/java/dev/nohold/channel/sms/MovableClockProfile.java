package dev.nohold.channel.sms;

import dev.nohold.core.session.MovableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Set;

/** The SMS channel's platform with a clock a test can move (links that expire). */
public class MovableClockProfile implements QuarkusTestProfile {

    /** The core's test clock as a bean of this module: the core's test-jar is not a bean archive here. */
    @Alternative
    @Singleton
    public static class SmsClock extends MovableClock {
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SmsClock.class);
    }
}
