package com.towerco.platform.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.TopicFamily;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.testing.TestFiles;
import com.towerco.testing.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three real KRaft nodes (each a broker and a controller) form one cluster; a topic provisioned
 * with replication 3 keeps taking {@code acks=all} writes and loses none of them when the node
 * leading the controller quorum stops, and the node catches up when it comes back.
 */
class KraftClusterIT {
  private static final int NODES = 3;
  private static final int RECORDS = 200;

  private final List<EmbeddedKafkaBroker> brokers = new ArrayList<>();
  private Path dir;

  @AfterEach
  void stop() {
    // Together: one by one, the last node waits minutes for a quorum to let it shut down.
    CompletableFuture.allOf(brokers.stream().map(b -> CompletableFuture.runAsync(() -> {
      try {
        b.close();
      } catch (RuntimeException e) {
        // already stopped
      }
    })).toArray(CompletableFuture[]::new)).join();
    TestFiles.deleteRecursively(dir);
  }

  @Test
  void aReplicatedTopicLosesNoAcknowledgedWriteWhenANodeStops() throws Exception {
    dir = Files.createTempDirectory("towerco-cluster-");
    int[] clientPorts = new int[NODES];
    StringBuilder voters = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      clientPorts[i] = freePort();
      voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(freePort());
    }
    KraftQuorum quorum = KraftQuorum.parse(voters.toString());
    List<BrokerSettings> nodes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      nodes.add(BrokerSettings.local(dir.resolve("node-" + (i + 1)), clientPorts[i])
          .inCluster(i + 1, quorum));
    }
    // A node's start waits for the quorum, so they start together.
    List<CompletableFuture<EmbeddedKafkaBroker>> starting = nodes.stream()
        .map(s -> CompletableFuture.supplyAsync(() -> EmbeddedKafkaBroker.start(s))).toList();
    for (CompletableFuture<EmbeddedKafkaBroker> b : starting) {
      brokers.add(b.get(120, TimeUnit.SECONDS));
    }
    String bootstrap = brokers.stream().map(EmbeddedKafkaBroker::bootstrapServers)
        .collect(Collectors.joining(","));
    PlatformConfig config = PlatformConfig.local(bootstrap, dir.resolve("state"))
        .withTopicLayout(2, 3, (short) 3);
    KafkaClients clients = new KafkaClients(config);
    String topic;
    try (TopicProvisioner topics = new TopicProvisioner(new KafkaClients(config));
        Admin admin = clients.admin()) {
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(NODES);
      topic = topics.ensure(TopicFamily.INCIDENT_LIFECYCLE, "CLUSTER1");
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(30, TimeUnit.SECONDS).get(topic);
      assertThat(description.partitions()).allMatch(p -> p.replicas().size() == NODES
          && p.isr().size() == NODES);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
          .get(resource).get("min.insync.replicas").value()).isEqualTo("2");

      try (KafkaProducer<String, byte[]> producer = clients.producer("cluster-it")) {
        send(producer, topic, 0, RECORDS / 2);
        int leader = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS)
            .leaderId();
        EmbeddedKafkaBroker stopped = brokers.remove(leader - 1);
        brokers.add(leader - 1, stopped);
        stopped.close();
        // acks=all with one node down: two in-sync replicas are enough, nothing may fail.
        send(producer, topic, RECORDS / 2, RECORDS);
        brokers.set(leader - 1, EmbeddedKafkaBroker.start(nodes.get(leader - 1)));
      }
      try (TopicReader reader = new TopicReader(bootstrap, Pattern.compile(
          Pattern.quote(topic)))) {
        var records = reader.readUntil(r -> r.size() >= RECORDS, Duration.ofSeconds(60));
        assertThat(records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
            .distinct().count()).isEqualTo(RECORDS);
        assertThat(records).hasSize(RECORDS);
      }
      awaitFullIsr(admin, topic);
    }
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, int from,
      int to) throws Exception {
    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
    for (int i = from; i < to; i++) {
      acks.add(producer.send(new ProducerRecord<>(topic, "k" + (i % 5),
          ("r" + i).getBytes(StandardCharsets.UTF_8))));
    }
    for (var ack : acks) {
      ack.get(60, TimeUnit.SECONDS);
    }
  }

  private static void awaitFullIsr(Admin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(30, TimeUnit.SECONDS).get(topic);
      if (d.partitions().stream().allMatch(p -> p.isr().size() == NODES)) {
        return;
      }
      assertThat(System.nanoTime()).as("the restarted node rejoins every ISR of " + topic)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
