package dev.nohold.core.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The core's packages point one way: services return domain objects and {@code api} turns them into its JSON
 * records, so nothing outside {@code api} uses it (when {@code request} built API records, the two imported each
 * other).
 */
class OnlyTheApiBuildsItsRecordsTest {

    @Test
    void noPackageOfTheCoreButTheApiUsesTheApi() {
        JavaClasses core = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.nohold.core");
        EvaluationResult result = noClasses().that().resideOutsideOfPackage("dev.nohold.core.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.nohold.core.api..")
                .because("services return domain objects and the api package maps them")
                .evaluate(core);
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
