package com.towerco.aiops.correlation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Correlation and alerting are domain code like detection: no Kafka, JDBC or HTTP, and no clock
 * (event time is an input), so a replay gives the same incidents and `bench rca` measures the
 * engine that runs.
 */
class CorrelationArchitectureTest {
  private static final JavaClasses DOMAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.towerco.aiops.correlation", "com.towerco.aiops.alerting");

  @Test
  void correlationAndAlertingImportNoKafkaJdbcOrHttp() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "java.sql..", "javax.sql..", "io.javalin..", "java.net.http..",
            "com.towerco.platform..", "com.towerco.aiops.stream..")
        .check(DOMAIN);
  }

  @Test
  void correlationAndAlertingNeverReadTheClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .check(DOMAIN);
  }
}
