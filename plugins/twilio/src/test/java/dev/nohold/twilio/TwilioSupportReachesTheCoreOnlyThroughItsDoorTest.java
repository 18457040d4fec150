package dev.nohold.twilio;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

/** Fails the build when this module's code reaches inside the core or into another channel. */
class TwilioSupportReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void twilioCodeUsesOnlyTheCoresChannelDoorAndNoChannel() {
        ChannelArchitecture.rulesFor("dev.nohold.twilio").check(new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.nohold.twilio"));
    }
}
