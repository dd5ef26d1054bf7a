package com.towerco.aiops.detection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The detection library stays pure: no Kafka, JDBC or HTTP, and no clock (event time is an
 * input), so the engine's stream processors and the offline runner share it unchanged.
 */
class DetectionArchitectureTest {
  private static final JavaClasses DETECTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.towerco.aiops.detection");

  @Test
  void detectionImportsNoKafkaJdbcOrHttp() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "java.sql..", "javax.sql..", "io.javalin..", "java.net.http..",
            "com.towerco.platform..", "com.towerco.aiops.stream..")
        .check(DETECTION);
  }

  @Test
  void detectionNeverReadsTheClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .check(DETECTION);
  }
}
