package com.eoc.accounts.auditproof;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What an auditor runs needs nothing but a JDK (and Jackson, carried in its jar): no Spring, no
 * Axon, nothing of the service. The service depends on this module, never the other way.
 */
class OnlyAJdkTest {

    private final JavaClasses proof = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.eoc.accounts.auditproof");

    @Test
    void usesTheJdkAndJacksonOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "com.eoc.accounts.auditproof..", "tools.jackson..",
                        // annotations only, which a JVM without them ignores
                        "jakarta.annotation..")
                .check(proof);
    }
}
