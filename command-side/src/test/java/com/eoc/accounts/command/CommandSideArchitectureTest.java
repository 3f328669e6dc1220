package com.eoc.accounts.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

class CommandSideArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.eoc.accounts.command");

    @Test
    void commandSideNeverUsesTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.eoc.accounts.query..").check(commandSide);
    }

    @Test
    void theAggregateTouchesNoDatabaseNoWebAndNoClock() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "org.springframework.web..", "jakarta.servlet..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(commandSide);
    }

    @Test
    void controllersArePackagePrivateAndDoNotTouchTheDatabase() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.jdbc..", "java.sql..")
                .check(commandSide);
    }
}
