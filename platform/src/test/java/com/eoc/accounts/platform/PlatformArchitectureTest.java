package com.eoc.accounts.platform;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What both applications share, in packages that depend on each other one way only. */
@AnalyzeClasses(packages = "com.eoc.accounts.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.eoc.accounts.platform.(*)..")
            .should().beFreeOfCycles();
}
