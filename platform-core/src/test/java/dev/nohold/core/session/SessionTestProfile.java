package dev.nohold.core.session;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/** The session tests' platform: a clock they can move, a short absolute timeout and a small per-address limit. */
public class SessionTestProfile implements QuarkusTestProfile {

    static final int PER_ADDRESS = 8;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nohold.session.absolute-timeout", "2h",
                "nohold.session.failed-logins.per-address", String.valueOf(PER_ADDRESS));
    }
}
