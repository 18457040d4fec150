package dev.nohold.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.nohold.core.testing.ChannelArchitecture;
import dev.nohold.core.testing.architecture.ReachesIntoTheLifecycle;
import dev.nohold.core.testing.architecture.UsesAnEntity;
import dev.nohold.core.testing.architecture.door.GoesThroughTheDoor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule every channel module runs is proven against classes that break it and one that keeps it. */
class ChannelArchitectureRuleTest {

    @Test
    void aChannelClassCallingTheLifecycleFailsTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoTheLifecycle.class);

        var result = ChannelArchitecture.rulesFor(ReachesIntoTheLifecycle.class.getPackageName()).evaluate(offender);

        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("dev.nohold.core.request.Lifecycle"),
                result.getFailureReport().toString());
    }

    @Test
    void aChannelClassUsingAnEntityOfTheChannelPackageFailsTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesAnEntity.class);

        assertTrue(ChannelArchitecture.rulesFor(UsesAnEntity.class.getPackageName()).evaluate(offender)
                .hasViolation());
    }

    @Test
    void aChannelClassGoingThroughTheDoorKeepsTheRule() {
        JavaClasses wellBehaved = new ClassFileImporter().importClasses(GoesThroughTheDoor.class);

        assertFalse(ChannelArchitecture.rulesFor(GoesThroughTheDoor.class.getPackageName()).evaluate(wellBehaved)
                .hasViolation());
    }
}
