package dev.nohold.core.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.nohold.core.IsoTime;
import dev.nohold.core.Refusal;
import dev.nohold.core.flow.FlowConversations;
import dev.nohold.core.flow.FlowReply;
import dev.nohold.core.flow.Outcome;
import dev.nohold.core.flow.Rendered;
import jakarta.persistence.Entity;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule every channel module and provider module holds itself to, from its own test: the core is reached through
 * its channel package (the door {@code ChannelRequests} and the SPI), the door to flows ({@code FlowConversations}
 * and the records it answers with), its configuration, {@link Refusal} and
 * {@link IsoTime}, never an entity, the lifecycle or the outbox; and no channel uses another channel's code.
 */
public final class ChannelArchitecture {

    private static final String CORE = "dev.nohold.core..";

    private ChannelArchitecture() {
    }

    /** Both rules, evaluated on the main (not test) classes of the module whose code lives in {@code ownPackage}. */
    public static EvaluationResult evaluateMainClassesOf(String ownPackage) {
        return rulesFor(ownPackage).evaluate(new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(ownPackage));
    }

    /** Both rules for the module whose code lives in {@code ownPackage} (and below). */
    public static ArchRule rulesFor(String ownPackage) {
        return CompositeArchRule.of(coreOnlyThroughTheDoor(ownPackage)).and(noOtherChannel(ownPackage));
    }

    public static ArchRule coreOnlyThroughTheDoor(String ownPackage) {
        DescribedPredicate<JavaClass> door = resideInAnyPackage("dev.nohold.core.channel..", "dev.nohold.core.config..")
                .and(DescribedPredicate.not(are(annotatedWithEntity())))
                .or(type(Refusal.class)).or(type(IsoTime.class))
                .or(type(FlowConversations.class)).or(type(FlowReply.class)).or(type(Rendered.class))
                .or(type(Rendered.VoicePrompt.class)).or(type(Outcome.class))
                .as("the core's channel door (with its door to flows), its configuration, Refusal or IsoTime");
        return classes().that().resideInAPackage(ownPackage + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(CORE).or(door).or(resideInAPackage(ownPackage + "..")))
                .because("channels see the core only through dev.nohold.core.channel.ChannelRequests and the SPI");
    }

    public static ArchRule noOtherChannel(String ownPackage) {
        DescribedPredicate<JavaClass> otherChannel = resideInAnyPackage("dev.nohold.channel..")
                .and(resideOutsideOfPackage(ownPackage + ".."))
                .as("another channel's code");
        return noClasses().that().resideInAPackage(ownPackage + "..")
                .should().dependOnClassesThat(otherChannel)
                .because("a channel reaches another only through the core (shared provider code is a module of its"
                        + " own under plugins/)");
    }

    private static DescribedPredicate<JavaClass> annotatedWithEntity() {
        return DescribedPredicate.describe("entities", javaClass -> javaClass.isAnnotatedWith(Entity.class));
    }
}
