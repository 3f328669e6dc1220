package com.eoc.accounts.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.eoc.accounts.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The two sides meet only through the events; each can be deployed and replaced alone. */
    @ArchTest
    static final ArchRule querySideNeverDependsOnTheCommandSide = noClasses()
            .that().resideInAPackage("com.eoc.accounts.query..")
            .should().dependOnClassesThat().resideInAPackage("com.eoc.accounts.command..");

    /** Each view's package depends on others one way only, so that each can be read (or removed) alone. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.eoc.accounts.query.(*)..")
            .should().beFreeOfCycles();
}
