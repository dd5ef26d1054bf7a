package com.towerco.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.http.Caller;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture as rules: services never depend on each other (they talk through events
 * only), the published language and the platform depend on no service, domain logic imports
 * no Kafka, JDBC or HTTP, no route or projection decides on its own what a tenant may see, and
 * only the platform's runtimes read Kafka (ADR-002).
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

  /**
   * A service supplies handlers and topologies; reading Kafka (the loop, probe filtering,
   * dead letters, offsets, shutdown) is the platform runtimes' job.
   */
  @Test
  void noServiceReadsKafkaItself() {
    noClasses().that().resideOutsideOfPackages("com.towerco.platform..",
            "com.towerco.testing..", "com.towerco.benchmarks..")
        .should().dependOnClassesThat().areAssignableTo(Consumer.class)
        .orShould().dependOnClassesThat().areAssignableTo(ConsumerRebalanceListener.class)
        .because("the platform runtimes (ConsumerService, TransactionalLoop, StreamsService, "
            + "ViewFeed/TableView, PartitionLoader) own every poll loop")
        .check(classes);
  }

  @Test
  void theRuntimesLiveInThePlatformRuntimePackage() {
    noClasses().that().resideOutsideOfPackages("com.towerco.platform.runtime..",
            "com.towerco.platform.dlq..", "com.towerco.testing..", "com.towerco.benchmarks..")
        .should().callMethod(Consumer.class, "poll", Duration.class)
        .orShould().callMethod(KafkaConsumer.class, "poll", Duration.class)
        .orShould().callConstructor(KafkaStreams.class, Topology.class, Properties.class)
        .because("ADR-002: the runtimes are in com.towerco.platform.runtime (the dead-letter "
            + "log's bounded reads for the API are the one other reader)")
        .check(classes);
  }

  @Test
  void theEventsModuleIsFrameworkFree() {
    noClasses().that().resideInAPackage("com.towerco.events..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
            "io.javalin..", "java.sql..")
        .check(classes);
  }

  @Test
  void servicesReadSettingsOnlyThroughTheirDeclarations() {
    noClasses().that().resideOutsideOfPackages("com.towerco.platform.config..")
        .and().doNotHaveFullyQualifiedName(ServiceSettings.class.getName())
        .should().callMethod(ServiceSettings.class, "string", String.class, String.class)
        .orShould().callMethod(ServiceSettings.class, "integer", String.class, int.class)
        .orShould().callMethod(ServiceSettings.class, "longValue", String.class, long.class)
        .orShould().callMethod(ServiceSettings.class, "bool", String.class, boolean.class)
        .orShould().callMethod(ServiceSettings.class, "values")
        .because("a setting is declared once (platform/config/Setting) and read through it, so "
            + "towerco.yaml, --set and the configuration reference know it (ADR-014)")
        .check(classes);
  }

  @Test
  void onlyTheTopicProvisionerCreatesTopicsOrChangesTheirSettings() {
    noClasses().that().doNotHaveFullyQualifiedName(TopicProvisioner.class.getName())
        .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
            JavaClass.Predicates.assignableTo(Admin.class)))
            .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                "createTopics|incrementalAlterConfigs|alterConfigs"))))
        .because("every topic gets its family's retention and min.insync.replicas in one "
            + "place, TopicProvisioner with TopicConfigs (ADR-015)")
        .check(classes);
  }
}
