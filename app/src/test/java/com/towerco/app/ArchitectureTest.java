package com.towerco.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.http.Caller;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture as rules: services never depend on each other (they talk through events
 * only), the published language and the platform depend on no service, domain logic imports
 * no Kafka, JDBC or HTTP, and no route or projection decides on its own what a tenant may see.
 */
class ArchitectureTest {
  private static final List<String> SERVICES = List.of("simulator", "kpi", "aiops",
      "incidents", "notification", "analytics", "dashboard", "ingest");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.towerco");
  }

  static List<String> services() {
    return SERVICES;
  }

  @ParameterizedTest
  @MethodSource("services")
  void aServiceDependsOnNoOtherService(String service) {
    String[] others = SERVICES.stream().filter(s -> !s.equals(service))
        .map(s -> "com.towerco." + s + "..").toArray(String[]::new);
    noClasses().that().resideInAPackage("com.towerco." + service + "..")
        .should().dependOnClassesThat().resideInAnyPackage(others)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theEventsAndThePlatformDependOnNoService() {
    String[] services = SERVICES.stream().map(s -> "com.towerco." + s + "..")
        .toArray(String[]::new);
    noClasses().that().resideInAnyPackage("com.towerco.events..", "com.towerco.platform..")
        .should().dependOnClassesThat().resideInAnyPackage(services)
        .check(classes);
  }

  @Test
  void domainLogicImportsNoKafkaJdbcOrHttp() {
    noClasses().that().resideInAnyPackage("com.towerco..domain..", "com.towerco.aiops.alerting..",
            "com.towerco.aiops.correlation..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "java.sql..",
            "javax.sql..", "io.javalin..", "java.net.http..", "com.zaxxer..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theEdgeContractKnowsNoProtocolLibrary() {
    noClasses().that().resideInAPackage("com.towerco.ingest.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..",
            "io.moquette..", "org.snmp4j..", "java.net..", "java.nio.file..")
        .check(classes);
  }

  @Test
  void onlyTheKafkaAdapterOfTheGatewayWritesToKafka() {
    noClasses().that().resideInAnyPackage("com.towerco.ingest.mqtt..",
            "com.towerco.ingest.http..", "com.towerco.ingest.snmp..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "com.towerco.platform.kafka..")
        .check(classes);
  }

  @Test
  void whatACallerMaySeeIsDecidedOnlyByTheVisibilityPolicy() {
    noClasses().that().resideOutsideOfPackages("com.towerco.platform.access..",
            "com.towerco.platform.http..")
        .should().callMethod(Caller.class, "isOperator")
        .orShould().callMethod(Caller.class, "tenantId")
        .orShould().callMethod(Caller.class, "role")
        .orShould().callMethod(Viewer.class, "tenantId")
        .because("routes, projections and streams ask com.towerco.platform.access.Visibility")
        .check(classes);
  }

  @Test
  void theVisibilityPolicyIsPlainJava() {
    noClasses().that().resideInAPackage("com.towerco.platform.access..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "io.javalin..", "java.sql..", "com.fasterxml..", "com.towerco.platform.http..")
        .check(classes);
  }

  @Test
  void theEventsModuleIsFrameworkFree() {
    noClasses().that().resideInAPackage("com.towerco.events..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "io.javalin..", "java.sql..")
        .check(classes);
  }
}
