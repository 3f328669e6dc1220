package com.eoc.accounts.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The page's server talks to the two sides over HTTP only, as any other client does: it never
 * reaches into their code (nor into the event store's).
 */
@AnalyzeClasses(packages = "com.eoc.accounts.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule webDoesNotUseTheSides = noClasses().that().resideInAPackage("com.eoc.accounts.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.eoc.accounts.command..", "com.eoc.accounts.query..", "com.eoc.accounts.events..",
                    "com.eoc.accounts.platform..", "org.axonframework..");

    @ArchTest
    static final ArchRule theLocalIdentityProviderStandsAlone = noClasses()
            .that().resideOutsideOfPackage("com.eoc.accounts.web.localidp..")
            .and().resideInAPackage("com.eoc.accounts.web..")
            .should().dependOnClassesThat().resideInAPackage("com.eoc.accounts.web.localidp..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.eoc.accounts.web.(*)..")
            .should().beFreeOfCycles();
}
