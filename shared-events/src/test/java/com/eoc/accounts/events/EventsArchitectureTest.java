package com.eoc.accounts.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

class EventsArchitectureTest {

    private final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.eoc.accounts.events");

    @Test
    void eventsDependOnNeitherSpringNorJpaNorTheApplications() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
                        "com.eoc.accounts.command..", "com.eoc.accounts.query..")
                .check(events);
    }

    @Test
    void fromAxonOnlyTheRevisionAnnotationIsUsed() {
        noClasses().should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("Axon other than @Revision",
                                type -> type.getPackageName().startsWith("org.axonframework")
                                        && !type.isEquivalentTo(Revision.class)))
                .check(events);
    }

    @Test
    void everyEventIsARecordWithAnExplicitRevision() {
        classes().that().implement(AccountEvent.class).should().beRecords()
                .andShould().beAnnotatedWith(Revision.class)
                .check(events);
        assertThat(Arrays.stream(AccountEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("AccountRegistered", "UserRenamed", "EmailChanged", "AvatarChanged",
                        "AvatarRemoved", "TokenGenerated", "TokenDeleted", "AccountClosed", "AccountReopened",
                        "PersonalDataErased");
    }
}
