package dev.nohold.channel.webchat;

import com.tngtech.archunit.lang.EvaluationResult;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Fails the build when this module's code reaches inside the core or into another channel. */
class WebChatReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void webChatCodeUsesOnlyTheCoresChannelDoorAndNoOtherChannel() {
        EvaluationResult result = ChannelArchitecture.evaluateMainClassesOf("dev.nohold.channel.webchat");

        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
