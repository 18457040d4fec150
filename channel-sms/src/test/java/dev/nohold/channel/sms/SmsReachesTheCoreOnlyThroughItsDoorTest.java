package dev.nohold.channel.sms;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Fails the build when this module's code reaches inside the core or into another channel. */
class SmsReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void smsCodeUsesOnlyTheCoresChannelDoorAndNoOtherChannel() {
        EvaluationResult result = ChannelArchitecture.rulesFor("dev.nohold.channel.sms").evaluate(new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.nohold.channel.sms"));

        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
