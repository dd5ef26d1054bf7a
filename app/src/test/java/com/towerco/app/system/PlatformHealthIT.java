package com.towerco.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.app.PlatformProcess;
import com.towerco.dashboard.DashboardServiceFactory;
import com.towerco.kpi.KpiCalculatorServiceFactory;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.Caller;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Platform health across processes, on a real broker: two processes (two runtimes in this JVM
 * with their own instance ids, data directories and Kafka clients) report their heartbeats to
 * {@code towerco.platform.health}; the NOC's route lists both; one that stops without its
 * tombstone (as a crash would) is marked missing after three cadences; one that stops cleanly
 * is gone; and the lag of a consumer group is the broker's end offsets minus its commits.
 */
class PlatformHealthIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final Duration CADENCE = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** {@code X-Tenant: opA} makes a tenant user, no header the NOC. */
  private static final Authenticator BY_HEADER = ctx -> {
    String tenant = ctx.header("X-Tenant");
    return tenant == null ? Caller.operator("noc") : Caller.tenant("user-" + tenant, tenant);
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<PlatformProcess> started = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stopAll() {
    started.forEach(PlatformProcess::close);
  }

  @Test
  void theNocSeesEveryProcessMarksTheMissingAndSumsLagPerGroup() throws Exception {
    PlatformProcess noc = start("proc-a", new DashboardServiceFactory(), 0);
    PlatformProcess kpi = start("proc-b", new KpiCalculatorServiceFactory(), -1);
    String base = "http://localhost:" + noc.httpPort();

    await().atMost(WAIT).until(() -> instances(get(base, null)).size() == 2);
    JsonNode both = get(base, null);
    JsonNode a = process(both, "proc-a");
    assertThat(a.path("services").toString()).isEqualTo("[\"dashboard\"]");
    assertThat(a.path("missing").asBoolean()).isFalse();
    assertThat(a.path("host").asText()).isNotBlank();
    assertThat(a.path("cadence_seconds").asDouble()).isEqualTo(0.5);
    assertThat(process(both, "proc-b").path("services").toString()).isEqualTo("[\"kpi\"]");
    assertThat(both.path("services").path("kpi").path("instances").asInt()).isEqualTo(1);

    // A tenant never sees the platform's processes.
    assertThat(status(base, "opA")).isEqualTo(403);

    // Lag per group from the broker: 10 records written, the group committed 3.
    String topic = "it.health.lag";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
      }
    }
    try (KafkaConsumer<String, String> group = new KafkaConsumer<>(consumerProps("it-lagging"))) {
      group.assign(List.of(new TopicPartition(topic, 0)));
      group.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)));
    }
    await().atMost(WAIT).until(() -> lagOf(get(base, null), "it-lagging") == 7);
    JsonNode lagging = group(get(base, null), "it-lagging");
    assertThat(lagging.path("partitions").asInt()).isEqualTo(1);
    assertThat(get(base, null).hasNonNull("consumer_groups_error")).isFalse();

    // proc-b stops beating without a tombstone: after three cadences it is missing, not gone.
    kpi.abandonHealth();
    await().atMost(WAIT).until(() -> process(get(base, null), "proc-b")
        .path("missing").asBoolean());
    JsonNode afterCrash = get(base, null);
    assertThat(process(afterCrash, "proc-b").path("status").asText()).isEqualTo("missing");
    assertThat(process(afterCrash, "proc-b").path("heartbeat_age_seconds").asDouble())
        .isGreaterThan(1.5);
    assertThat(afterCrash.path("services").path("kpi").path("missing").asInt()).isEqualTo(1);
    assertThat(process(afterCrash, "proc-a").path("missing").asBoolean()).isFalse();

    // A third process that stops cleanly leaves by its tombstone.
    PlatformProcess third = start("proc-c", new KpiCalculatorServiceFactory(), -1);
    await().atMost(WAIT).until(() -> instances(get(base, null)).contains("proc-c"));
    third.close();
    started.remove(third);
    await().atMost(WAIT).until(() -> !instances(get(base, null)).contains("proc-c"));
    assertThat(instances(get(base, null))).containsExactly("proc-a", "proc-b");
  }

  private PlatformProcess start(String instanceId, ServiceFactory factory, int httpPort) {
    PlatformProcess process = PlatformProcess.start(new PlatformProcess.Spec(
        kafka.bootstrapServers(), false, 0, dir.resolve(instanceId), List.of(factory),
        ServiceSettings.empty(), httpPort, c -> c.withInstanceId(instanceId), BY_HEADER),
        CADENCE);
    started.add(process);
    return process;
  }

  private JsonNode get(String base, String tenant) throws Exception {
    HttpResponse<String> response = send(base, tenant);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private int status(String base, String tenant) throws Exception {
    return send(base, tenant).statusCode();
  }

  private HttpResponse<String> send(String base, String tenant) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base
        + "/api/v1/dashboard/platform-processes")).timeout(Duration.ofSeconds(20));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> instances(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("processes").forEach(p -> ids.add(p.path("instance_id").asText()));
    return ids;
  }

  private static JsonNode process(JsonNode body, String instanceId) {
    for (JsonNode p : body.path("processes")) {
      if (p.path("instance_id").asText().equals(instanceId)) {
        return p;
      }
    }
    throw new AssertionError("no process " + instanceId + " in " + body);
  }

  private static JsonNode group(JsonNode body, String groupId) {
    for (JsonNode g : body.path("consumer_groups")) {
      if (g.path("group_id").asText().equals(groupId)) {
        return g;
      }
    }
    return JSON.createObjectNode();
  }

  private static long lagOf(JsonNode body, String groupId) {
    return group(body, groupId).path("lag").asLong(-1);
  }

  private static Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return props;
  }

  private static Properties consumerProps(String groupId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return props;
  }
}
