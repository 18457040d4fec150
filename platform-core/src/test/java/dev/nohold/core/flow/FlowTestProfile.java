package dev.nohold.core.flow;

import dev.nohold.core.session.MovableClock;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/** The flow tests' platform: a clock they can move and a knowledge base they script. */
public class FlowTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class, ScriptedKnowledge.class);
    }
}
