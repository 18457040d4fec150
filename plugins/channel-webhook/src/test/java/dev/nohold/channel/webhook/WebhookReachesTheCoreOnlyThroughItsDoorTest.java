package dev.nohold.channel.webhook;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.nohold.core.testing.ChannelArchitecture;
import org.junit.jupiter.api.Test;

/** Fails the build when this module's code reaches inside the core or into another channel. */
class WebhookReachesTheCoreOnlyThroughItsDoorTest {

    @Test
    void webhookCodeUsesOnlyTheCoresChannelDoorAndNoOtherChannel() {
        ChannelArchitecture.rulesFor("dev.nohold.channel.webhook").check(new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.nohold.channel.webhook"));
    }
}
