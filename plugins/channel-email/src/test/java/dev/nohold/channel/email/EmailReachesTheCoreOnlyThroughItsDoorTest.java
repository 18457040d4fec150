package dev.nohold.channel.email;

import com.tngtech.archunit.lang.EvaluationResult;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Fails the build when the e-mail channel reaches inside the core or into another channel. */
class EmailReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void emailCodeUsesOnlyTheCoresChannelDoorAndNoOtherChannel() {
        EvaluationResult result = ChannelArchitecture.evaluateMainClassesOf("dev.nohold.channel.email");

        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
