package com.towerco.incidents;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The domain stays pure: no Kafka, HTTP, JSON or platform code (but the plain-Java visibility
 * policy), and no wall clock.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.towerco.incidents");

  @Test
  void theDomainDependsOnNoFramework() {
    // the platform's visibility policy is plain Java, and the tenant copies must follow it
    noClasses().that().resideInAPackage("..incidents.domain..").should().dependOnClassesThat(
        resideInAnyPackage("org.apache.kafka..", "io.javalin..", "java.sql..",
            "com.fasterxml..", "com.towerco.platform..", "com.towerco.incidents.stream..",
            "com.towerco.incidents.view..", "com.towerco.incidents.http..")
            .and(not(resideInAPackage("com.towerco.platform.access.."))))
        .check(CLASSES);
  }

  @Test
  void theDomainNeverReadsTheClock() {
    noClasses().that().resideInAPackage("..incidents.domain..").should()
        .callMethod(Instant.class, "now").orShould().callMethod(System.class,
            "currentTimeMillis").orShould().dependOnClassesThat().areAssignableTo(Clock.class)
        .check(CLASSES);
  }

  @Test
  void readModelsDoNotWrite() {
    noClasses().that().resideInAPackage("..incidents.view..").should().dependOnClassesThat()
        .haveSimpleName("CommandBus").check(CLASSES);
  }
}
