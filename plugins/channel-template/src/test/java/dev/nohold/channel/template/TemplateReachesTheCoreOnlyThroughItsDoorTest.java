package dev.nohold.channel.template;

import com.tngtech.archunit.lang.EvaluationResult;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Fails the build when the channel reaches inside the core or into another channel. */
class TemplateReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void templateCodeUsesOnlyTheCoresChannelDoorAndNoOtherChannel() {
        EvaluationResult result = ChannelArchitecture.evaluateMainClassesOf("dev.nohold.channel.template");

        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
