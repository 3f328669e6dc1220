package com.eoc.accounts.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The two applications, read from their compiled classes together: neither may use the other.
 * (Each module also checks its own side; this one sees both at once.)
 */
class ModuleBoundariesTest {

    private final JavaClasses both = new ClassFileImporter().importPaths(
            Path.of(System.getProperty("commandSide.classes")), Path.of(System.getProperty("querySide.classes")));

    @Test
    void commandSideNeverImportsQuerySide() {
        noClasses().that().resideInAPackage("com.eoc.accounts.command..")
                .should().dependOnClassesThat().resideInAPackage("com.eoc.accounts.query..")
                .check(both);
    }

    @Test
    void querySideNeverImportsCommandSide() {
        noClasses().that().resideInAPackage("com.eoc.accounts.query..")
                .should().dependOnClassesThat().resideInAPackage("com.eoc.accounts.command..")
                .check(both);
    }
}
