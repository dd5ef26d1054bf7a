package com.towerco.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DashboardArchitectureTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.towerco.dashboard");

  @Test
  void theReadModelIsPlainJavaWithoutKafkaOrHttp() {
    noClasses().that().resideInAPackage("com.towerco.dashboard.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.javalin..",
            "jakarta..", "java.sql..", "com.towerco.platform.http..",
            "com.towerco.platform.kafka..", "com.towerco.dashboard.http..",
            "com.towerco.dashboard.stream..")
        .check(classes);
  }

  @Test
  void theDashboardDependsOnNoOtherService() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("com.towerco.simulator..",
            "com.towerco.kpi..", "com.towerco.aiops..", "com.towerco.notification..",
            "com.towerco.analytics..")
        .check(classes);
  }
}
