package dev.nohold.twilio;

import com.tngtech.archunit.lang.EvaluationResult;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Fails the build when this module's code reaches inside the core or into another channel. */
class TwilioSupportReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void twilioCodeUsesOnlyTheCoresChannelDoorAndNoChannel() {
        EvaluationResult result = ChannelArchitecture.evaluateMainClassesOf("dev.nohold.twilio");

        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
