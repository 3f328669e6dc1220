package com.eoc.accounts.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.DevTokens;
import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.RestController;

class CommandSideArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.eoc.accounts.command");

    @Test
    void commandSideNeverUsesTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.eoc.accounts.query..").check(commandSide);
    }

    /**
     * Each feature package depends on others one way only: the error mapping in {@code web} knows
     * the features' refusals, the features know nothing of it, and each can be read (or removed) alone.
     */
    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("com.eoc.accounts.command.(*)..").should().beFreeOfCycles().check(commandSide);
    }

    @Test
    void theAggregateTouchesNoDatabaseNoWebAndNoClock() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "org.springframework.web..", "jakarta.servlet..", "org.springframework.security..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(commandSide);
    }

    /** Who may do what is read in one place, the filter chain's rules, and never decided in a controller. */
    @Test
    void accessRulesLiveInTheSecurityPackageOnly() {
        noClasses().that().resideOutsideOfPackage("..command.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.config..",
                        "org.springframework.security.web..", "org.springframework.security.authorization..")
                .check(commandSide);
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.security.access.prepost..")
                .check(commandSide);
    }

    /** The caller is read once, for the audit trail; commands never branch on it. */
    @Test
    void onlyTheWebPackageReadsWhoTheCallerIs() {
        noClasses().that().resideOutsideOfPackage("..command.web..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.security.core.context..")
                .check(commandSide);
    }

    /** The JWT mint of the local run must not exist anywhere else, nor be reachable from other code. */
    @Test
    void devTokensExistInTheLocalProfileOnly() {
        classes().that().resideInAPackage("..command.dev..").and().areTopLevelClasses()
                .should(beAnnotatedWithProfile(LocalIdentityProvider.PROFILE))
                .check(commandSide);
        noClasses().that().resideOutsideOfPackage("..command.dev..")
                .should().dependOnClassesThat().areAssignableTo(DevTokens.class)
                .orShould().dependOnClassesThat().resideInAPackage("..command.dev..")
                .check(commandSide);
    }

    /** Tokens are looked up by the platform's authentication and, for other services, by introspection only. */
    @Test
    void onlyTheTokenPackageReadsTheTokenIndex() {
        noClasses().that().resideOutsideOfPackage("..command.token..")
                .should().dependOnClassesThat().areAssignableTo(ApiTokenIndex.class)
                .check(commandSide);
    }

    @Test
    void controllersArePackagePrivateAndDoNotTouchTheDatabase() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework.jdbc..", "java.sql..")
                .check(commandSide);
    }

    private static ArchCondition<JavaClass> beAnnotatedWithProfile(String profile) {
        return new ArchCondition<>("be annotated with @Profile(\"" + profile + "\")") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean inProfile = type.tryGetAnnotationOfType(Profile.class)
                        .map(annotation -> List.of(annotation.value()).contains(profile))
                        .orElse(false);
                if (!inProfile) {
                    events.add(SimpleConditionEvent.violated(type,
                            type.getName() + " is not annotated with @Profile(\"" + profile + "\")"));
                }
            }
        };
    }
}
