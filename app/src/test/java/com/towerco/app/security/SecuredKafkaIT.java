package com.towerco.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.towerco.app.KafkaSecurity;
import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.events.EventTypes;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.dlq.DeadLetter;
import com.towerco.platform.dlq.DeadLetterFilter;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.dlq.Redriver;
import com.towerco.platform.health.GroupLag;
import com.towerco.platform.health.ProcessHealth;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.Principals;
import com.towerco.simulator.SimulatorServiceFactory;
import com.towerco.testing.ListeningSockets;
import com.towerco.testing.TestFiles;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform on a secured embedded broker (SASL/SCRAM, standard authorizer, the ACL
 * plan): every service runs as its own principal end to end, and principals get exactly what
 * the plan says, no more.
 */
class SecuredKafkaIT {
  private static final Duration PATIENCE = Duration.ofSeconds(150);
  private static final String OPERATOR = PlatformConfig.DEFAULT_OPERATOR_TENANT;
  private static Path dataDir;
  private static PlatformProcess platform;

  @BeforeAll
  static void startSecuredPlatform() throws Exception {
    dataDir = Files.createTempDirectory("towerco-secured-");
    List<ServiceFactory> factories = new ArrayList<>(Services.all());
    factories.add(new SimulatorServiceFactory());
    Map<String, String> settings = Map.of(
        "simulator.sites", "12", "simulator.sites-per-hub", "6", "simulator.rate", "1",
        "simulator.speed", "10", "simulator.faults", "hub-failure:S0001@30s+10m",
        "simulator.tenants", "altel,kora", "kpi.window", "PT10S", "kpi.grace", "PT2S",
        "aiops.settle", "PT10S");
    platform = PlatformProcess.start(new PlatformProcess.Spec(null, true, 0, dataDir,
        factories, new ServiceSettings(settings), -1, c -> c.withTopicLayout(2, 2, (short) 1),
        Authenticator.openAccess(), new KafkaSecurity("127.0.0.1", null, true, null, null,
            List.of("altel", "kora"), false, null)));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    TestFiles.deleteRecursively(dataDir);
  }

  @Test
  void everyServiceWorksAsItsOwnPrincipalFromAFaultToAnIncident() throws Exception {
    try (TopicReader incidents = reader("towerco-admin", "admin-",
        "towerco\\.incidents\\.towerco\\.lifecycle")) {
      incidents.readUntil(r -> incidents.events(EventTypes.of(IncidentOpened.class).name()).stream()
          .map(e -> e.payloadAs(IncidentOpened.class))
          .anyMatch(i -> i.rootCause().siteId().equals("S0001")), PATIENCE);
    }
    try (TopicReader outputs = reader("towerco-admin", "admin-",
        "towerco\\.kpis\\..+|towerco\\.notifications\\..+\\.deliveries")) {
      outputs.readUntil(r -> r.stream().anyMatch(x -> x.topic().startsWith("towerco.kpis."))
          && r.stream().anyMatch(x -> x.topic().endsWith(".deliveries")), PATIENCE);
    }
    try (Admin admin = Admin.create(asPrincipal("towerco-admin"))) {
      for (String group : List.of("towerco-analytics-service", "towerco-dashboard-service")) {
        await().atMost(PATIENCE).until(() -> !admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get().isEmpty());
      }
    }
    await().atMost(PATIENCE).until(platform::ready);
  }

  @Test
  void refusesAClientThatDoesNotLogInOrGivesAWrongPassword() {
    Map<String, Object> anonymous = new HashMap<>(Map.of(
        "bootstrap.servers", platform.bootstrapServers(), "request.timeout.ms", 3_000,
        "default.api.timeout.ms", 5_000));
    try (Admin admin = Admin.create(anonymous)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .as("a plaintext client on the SASL listener gets nothing")
          .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
    }
    Map<String, Object> wrong = asPrincipal("tenant-altel");
    wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
        + "required username=\"tenant-altel\" password=\"not-the-password\";");
    try (Admin admin = Admin.create(wrong)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aTenantPrincipalReadsItsOwnTopicsButNoOtherTenantsNorTheOperators() {
    assertThat(readable("tenant-altel", TopicFamily.ALERT_NOTIFICATIONS.topic("altel")))
        .isTrue();
    assertThat(readable("tenant-altel", TopicFamily.INCIDENT_LIFECYCLE.topic("altel")))
        .isTrue();
    assertThat(readable("tenant-altel", TopicFamily.ALERT_NOTIFICATIONS.topic("kora")))
        .isFalse();
    assertThat(readable("tenant-altel", TopicFamily.KPI_METRICS.topic("kora"))).isFalse();
    assertThat(readable("tenant-altel", TopicFamily.INCIDENT_LIFECYCLE.topic(OPERATOR)))
        .isFalse();
    assertThat(readable("tenant-altel", TopicFamily.SITE_EVENTS.topic("S0001"))).isFalse();
    assertThat(readable("tenant-altel", TopicFamily.INVENTORY.topic())).isFalse();
  }

  @Test
  void theHealthTopicIsTheOperatorsAndTheDashboardSeesEveryProcessAndGroup() throws Exception {
    String health = TopicFamily.PLATFORM_HEALTH.topic();
    assertThat(readable("tenant-altel", health)).as("a tenant never reads it").isFalse();
    assertThat(readable("service-kpi", health)).isFalse();
    assertThat(writable("service-dashboard", health)).isFalse();
    // this process's heartbeat, written as the process principal, read as the dashboard
    String instance = platform.context().config().instanceId();
    Map<String, Object> props = asPrincipal("service-dashboard");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(health).stream()
          .map(p -> new TopicPartition(health, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ProcessHealth> seen = new ArrayList<>();
      await().atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          if (r.value() != null && instance.equals(r.key())) {
            seen.add(ProcessHealth.fromJson(r.value()));
          }
        });
        return !seen.isEmpty();
      });
      assertThat(seen.get(0).services()).extracting(ProcessHealth.ServiceHealth::service)
          .contains("dashboard", "kpi", "incidents");
    }
    // lag per group from the broker, as the dashboard may ask it
    try (Admin admin = Admin.create(asPrincipal("service-dashboard"))) {
      GroupLag lag = new GroupLag(admin, Clock.systemUTC(), Duration.ZERO);
      await().atMost(PATIENCE).until(() -> lag.current().groups().stream()
          .map(GroupLag.Group::groupId).toList()
          .containsAll(List.of("towerco-dashboard-service", "towerco-kpi-calculator")));
      assertThat(lag.current().error()).isNull();
    }
  }

  @Test
  void aTenantPrincipalCannotWriteAnyCommandTopicNorItsOwnTopics() {
    for (TopicFamily commands : List.of(TopicFamily.INCIDENT_COMMANDS,
        TopicFamily.OPTIMIZATION_COMMANDS, TopicFamily.REFUEL_COMMANDS)) {
      assertThat(writable("tenant-kora", commands.topic(OPERATOR))).as(commands.name())
          .isFalse();
    }
    assertThat(writable("tenant-kora", TopicFamily.ALERT_NOTIFICATIONS.topic("kora")))
        .isFalse();
    assertThat(writable("tenant-kora", TopicFamily.NOTIFICATION_SETTINGS.topic())).isFalse();
  }

  @Test
  void aServicePrincipalCannotWriteAnotherServicesOutputs() {
    assertThat(writable("service-aiops", TopicFamily.INCIDENT_COMMANDS.topic(OPERATOR)))
        .as("the engine sends commands").isTrue();
    assertThat(writable("service-aiops", TopicFamily.INCIDENT_LIFECYCLE.topic("altel")))
        .as("but only incident management writes lifecycles").isFalse();
    assertThat(writable("service-notification", TopicFamily.ALERT_NOTIFICATIONS.topic("altel")))
        .isFalse();
    assertThat(writable("service-dashboard", TopicFamily.INCIDENT_COMMANDS.topic(OPERATOR)))
        .isFalse();
    assertThat(writable("service-kpi", TopicFamily.INVENTORY.topic())).isFalse();
    assertThat(readable("service-notification", TopicFamily.INCIDENT_COMMANDS.topic(OPERATOR)))
        .as("denied although it reads the lifecycles beside it").isFalse();
  }

  @Test
  void theDeadLetterToolsReadAndRedriveAsTheirOwnPrincipalsOnly() throws Exception {
    String origin = TopicFamily.SITE_EVENTS.topic("S0002");
    String detail = "secured-redrive-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> service = new KafkaProducer<>(asPrincipal("service-kpi"),
        new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> dead = new ProducerRecord<>(TopicFamily.DEAD_LETTER.topic(),
          null, "S0002", "{}".getBytes(StandardCharsets.UTF_8));
      DeadLetters.addReason(dead.headers(), RejectReason.PROCESSING_FAILED, detail, "kpi",
          origin, 0, 0);
      service.send(dead).get(30, TimeUnit.SECONDS);
    }
    DeadLetterLog asReader = log(Principals.DLQ_READER);
    DeadLetter letter = await().atMost(PATIENCE).until(() -> asReader.read(DeadLetterFilter.ALL)
        .letters().stream().filter(l -> detail.equals(l.detail())).findFirst(),
        Optional::isPresent).orElseThrow();

    assertThat(readable(Principals.DLQ_READER, origin)).as("dead letters only").isFalse();
    assertThat(writable(Principals.DLQ_READER, TopicFamily.DEAD_LETTER.topic())).isFalse();
    assertThat(refusedToRedrive(asReader, letter)).as("the reader cannot re-drive").isTrue();
    assertThat(refusedToRedrive(log("service-kpi"), letter))
        .as("nor a service, which writes dead letters").isTrue();

    try (Redriver redriver = log(Principals.DLQ_REDRIVE).redriver()) {
      assertThat(redriver.redrive(letter, null).sentNow()).isTrue();
    }
    assertThat(asReader.read(DeadLetterFilter.ALL).redrives()).containsKey(letter.id());
    assertThat(readable(Principals.DLQ_REDRIVE, origin)).as("it writes back, never reads")
        .isFalse();
    assertThat(writable(Principals.DLQ_REDRIVE, "towerco-aiops-engine-store-changelog"))
        .as("no service's internal topics").isFalse();
  }

  private static DeadLetterLog log(String principal) {
    Map<String, String> props = new HashMap<>();
    asPrincipal(principal).forEach((k, v) -> props.put(k, String.valueOf(v)));
    return new DeadLetterLog(new KafkaClients(PlatformConfig.local(platform.bootstrapServers(),
        dataDir.resolve("tools")).withClientProperties(props)), Clock.systemUTC());
  }

  /** True if re-driving as the log's principal fails for want of an ACL. */
  private static boolean refusedToRedrive(DeadLetterLog log, DeadLetter letter) {
    try (Redriver redriver = log.redriver()) {
      redriver.redrive(letter, null);
      return false;
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof AuthorizationException) {
          return true;
        }
      }
      throw e;
    }
  }

  @Test
  void bindsTheBrokerToTheLoopbackInterfaceOnly() throws Exception {
    String bootstrap = platform.bootstrapServers();
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    assertThat(ListeningSockets.localAddresses(port)).containsOnly("127.0.0.1");
  }

  private static boolean readable(String principal, String topic) {
    Map<String, Object> props = asPrincipal(principal);
    props.put("group.id", principal + ".test");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      consumer.poll(Duration.ofSeconds(2));
      consumer.position(partition, Duration.ofSeconds(5));
      return true;
    } catch (TopicAuthorizationException e) {
      return false;
    }
  }

  private static boolean writable(String principal, String topic) {
    Map<String, Object> props = asPrincipal(principal);
    // not idempotent: a principal without any topic write would be refused at the cluster
    // level first, and this asks about the topic
    props.put("enable.idempotence", false);
    props.put("max.block.ms", 10_000);
    props.put("delivery.timeout.ms", 10_000);
    props.put("request.timeout.ms", 5_000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props,
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, 0, "probe", new byte[0])).get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicAuthorizationException) {
        return false;
      }
      throw new AssertionError(e);
    } catch (TopicAuthorizationException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static TopicReader reader(String principal, String groupPrefix, String topics) {
    Map<String, String> props = new HashMap<>();
    asPrincipal(principal).forEach((k, v) -> props.put(k, String.valueOf(v)));
    return new TopicReader(platform.bootstrapServers(), props, groupPrefix,
        Pattern.compile(topics));
  }

  /** A principal's client settings as written to the credentials directory. */
  private static Map<String, Object> asPrincipal(String principal) {
    Map<String, Object> props = new HashMap<>(PlatformConfig.loadClientProperties(dataDir
        .resolve(PlatformProcess.KAFKA_CREDENTIALS).resolve(principal + ".properties")));
    props.put("bootstrap.servers", platform.bootstrapServers());
    return props;
  }
}
