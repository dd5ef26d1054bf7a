package com.towerco.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.app.cluster.LocalCluster;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.TopicProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault system test ({@code mvn -B -pl app -am verify -Pfaults}; not in the default build:
 * it runs for minutes on a 2-core machine). A three-broker KRaft cluster, every service
 * instance its own process (two KPI and two AIOps instances, one incident service, one
 * analytics instance on DuckDB), the simulator as a process sending a steady paced load with
 * one injected fault per round. Each round kill -9s the next service instance of a shuffled
 * list (every instance at least once in six rounds), and every
 * third round a random broker too, then restarts them and measures how long until they are
 * ready again. Afterwards, with every consumer group caught up, an independent audit reads
 * what is on Kafka and in the analytics store and compares it with the simulator's report:
 * acknowledged events lost, events stored twice, KPI windows emitted twice or counting a
 * reading twice, and incidents per injected fault.
 *
 * <p>{@code -Dfaults.rounds=5 -Dfaults.round-seconds=25 -Dfaults.sites=10 -Dfaults.port=24000
 * -Dfaults.http-port=24100 -Dfaults.seed=7} (Kafka takes {@code port} to {@code port + 12}, the
 * service instances {@code http-port} on).
 */
class FaultSystemRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = Integer.getInteger("faults.rounds", 5);
  private static final int ROUND_SECONDS = Integer.getInteger("faults.round-seconds", 25);
  private static final int SITES = Integer.getInteger("faults.sites", 10);
  private static final int PORT = Integer.getInteger("faults.port", 24000);
  private static final int HTTP_PORT = Integer.getInteger("faults.http-port", PORT + 100);
  private static final long SEED = Long.getLong("faults.seed", 7);
  private static final int SPEED = 10;

  private LocalCluster cluster;

  @AfterEach
  void down() {
    if (cluster != null) {
      cluster.down(Duration.ofSeconds(30));
    }
  }

  @Test
  void noAcknowledgedEventIsLostOrCountedTwiceUnderKillsAndOneIncidentPerFault()
      throws Exception {
    Path dir = Path.of("target", "faults").toAbsolutePath();
    com.towerco.testing.TestFiles.deleteRecursively(dir);
    Files.createDirectories(dir);
    Map<String, Integer> instances = new LinkedHashMap<>();
    instances.put("kpi", 2);
    instances.put("aiops", 2);
    instances.put("incidents", 1);
    instances.put("analytics", 1);
    cluster = new LocalCluster(new LocalCluster.Layout(dir, PORT, HTTP_PORT, instances,
        List.of("--open-access")));
    cluster.up(Duration.ofMinutes(5));

    // One fault per round, at a distinct site, while the load runs (simulated minutes).
    int simulatedSeconds = (ROUNDS * ROUND_SECONDS + 30) * SPEED;
    List<String> faultSites = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("simulate", "--sites", String.valueOf(SITES),
        "--rate", "1", "--mode", "paced", "--speed", String.valueOf(SPEED), "--seed",
        String.valueOf(SEED), "--duration", simulatedSeconds + "s", "--report",
        dir.resolve("report.json").toString(), "--bootstrap-servers",
        cluster.bootstrapServers(), "--replication-factor", "3"));
    for (int round = 0; round < ROUNDS; round++) {
      String site = String.format("S%04d", 1 + (round * 3) % SITES);
      faultSites.add(site);
      int at = (round * ROUND_SECONDS + 10) * SPEED;
      args.addAll(List.of("--fault", "mains-outage:" + site + "@" + at + "s+"
          + (ROUND_SECONDS * SPEED / 2) + "s"));
    }
    cluster.startCommand("simulator", "512m", args);

    Random random = new Random(SEED);
    // Every instance in turn, in a random order: each one is killed at least once in 6 rounds.
    List<String> victims = new ArrayList<>(cluster.serviceInstances());
    java.util.Collections.shuffle(victims, random);
    List<String> kills = new ArrayList<>();
    List<Long> recoveryMillis = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      Thread.sleep(ROUND_SECONDS * 1000L / 2);
      String victim = victims.get((round - 1) % victims.size());
      String broker = round % 3 == 0 ? "broker-" + (1 + random.nextInt(LocalCluster.NODES))
          : null;
      cluster.kill(victim);
      kills.add(victim);
      if (broker != null) {
        cluster.kill(broker);
        kills.add(broker);
      }
      Thread.sleep(3_000);
      long restarted = System.nanoTime();
      if (broker != null) {
        cluster.startBroker(Integer.parseInt(broker.substring("broker-".length())));
        cluster.awaitBrokers(LocalCluster.NODES, Duration.ofMinutes(2));
      }
      cluster.startService(victim);
      cluster.awaitReady(victim, Duration.ofMinutes(3));
      recoveryMillis.add((System.nanoTime() - restarted) / 1_000_000);
      System.out.printf("round %d: killed %s, ready again after %d ms%n", round,
          String.join(" + ", broker == null ? List.of(victim) : List.of(victim, broker)),
          recoveryMillis.get(recoveryMillis.size() - 1));
      Thread.sleep(Math.max(0, ROUND_SECONDS * 1000L / 2 - 3_000));
    }

    ProcessHandle simulator = cluster.process("simulator").orElse(null);
    if (simulator != null) {
      simulator.onExit().get(10, TimeUnit.MINUTES);
    }
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    long sent = report.get("total_events").asLong();
    awaitCaughtUp(Duration.ofMinutes(10));

    Audit audit = audit(faultSites);
    dump(dir.resolve("topics"));
    cluster.down(Duration.ofSeconds(60));
    cluster = null;
    Stored stored = stored(dir.resolve("analytics-1").resolve("analytics")
        .resolve("analytics.duckdb"), audit.siteEventIds);

    long lostOnKafka = sent - audit.siteEventIds.size() - audit.inventoryEvents;
    long lostInStore = audit.siteEventIds.size() - stored.siteEventsStored;
    String table = "| rounds | kills | events sent (acknowledged) | on Kafka (site events + "
        + "inventory) | site events stored (analytics) | lost (Kafka / analytics) | duplicated "
        + "(Kafka / analytics / KPI windows / KPI readings) | KPI windows missing readings "
        + "| incidents per fault | recovery per kill (ms) |\n|---|---|---|---|---|---|---|---|---|"
        + "---|\n| " + ROUNDS
        + " | " + kills.size() + " (" + String.join(", ", kills) + ") | " + sent + " | "
        + audit.siteEventIds.size() + " + " + audit.inventoryEvents + " | "
        + stored.siteEventsStored
        + " | " + lostOnKafka + " / " + lostInStore + " | " + audit.kafkaDuplicates + " / "
        + stored.duplicates + " / " + audit.kpiWindowsTwice + " / " + audit.kpiReadingsOver
        + " | " + audit.kpiReadingsUnder + " of " + audit.kpiWindows + " | "
        + audit.incidentsPerFault + " | " + recoveryMillis + " |";
    System.out.println("FAULT TEST\n" + table);
    Files.writeString(dir.resolve("table.md"), table + "\n");

    assertThat(lostOnKafka).as("acknowledged events missing from Kafka").isZero();
    assertThat(lostInStore).as("events on Kafka missing from the analytics store").isZero();
    assertThat(audit.kafkaDuplicates).as("events on Kafka twice").isZero();
    assertThat(stored.duplicates).as("events stored twice by analytics").isZero();
    assertThat(audit.kpiWindowsTwice).as("KPI windows emitted twice").isZero();
    assertThat(audit.kpiReadingsOver).as("KPI windows counting a reading twice").isZero();
    assertThat(audit.incidentsPerFault).as("incidents per injected fault")
        .allSatisfy((site, count) -> assertThat(count).as(site).isEqualTo(1));
    assertThat(audit.kpiReadingsUnder).as("KPI windows published without readings that are "
        + "on Kafka (lost by the KPI calculator across a kill or a broker failover)").isZero();
  }

  private record Audit(Set<String> siteEventIds, long inventoryEvents, long kafkaDuplicates,
      long kpiWindows, long kpiWindowsTwice, long kpiReadingsOver, long kpiReadingsUnder,
      Map<String, Integer> incidentsPerFault) {}

  private record Stored(long siteEventsStored, long duplicates) {}

  private Audit audit(List<String> faultSites) throws Exception {
    Set<String> siteIds = new HashSet<>();
    long duplicates = 0;
    Map<String, Map<Instant, Integer>> readings = new HashMap<>();
    for (JsonNode event : read(TopicFamily.SITE_EVENTS.pattern())) {
      if (!siteIds.add(event.get("event_id").asText())) {
        duplicates++;
      } else if (event.get("event_type").asText().equals("site.telemetry")) {
        readings.computeIfAbsent(event.get("site_id").asText(), s -> new HashMap<>())
            .merge(Instant.parse(event.get("timestamp").asText()), 1, Integer::sum);
      }
    }
    Set<String> inventory = new HashSet<>();
    read(TopicFamily.INVENTORY.pattern()).forEach(e -> inventory.add(e.get("event_id").asText()));

    Map<String, Set<String>> windowIds = new HashMap<>();
    Map<String, JsonNode> windows = new HashMap<>();
    for (JsonNode event : read(TopicFamily.KPI_METRICS.pattern())) {
      JsonNode p = event.get("payload");
      String key = p.get("scope").asText() + "|" + p.get("site_id").asText() + "|"
          + p.path("tenant_id").asText("") + "|" + p.get("window_start").asText();
      windowIds.computeIfAbsent(key, k -> new HashSet<>()).add(event.get("event_id").asText());
      windows.put(key, p);
    }
    long twice = windowIds.values().stream().filter(ids -> ids.size() > 1).count();
    long over = 0;
    long under = 0;
    for (JsonNode p : windows.values()) {
      if (!p.get("scope").asText().equals("site")) {
        continue;
      }
      Instant from = Instant.parse(p.get("window_start").asText());
      Instant to = Instant.parse(p.get("window_end").asText());
      int onKafka = readings.getOrDefault(p.get("site_id").asText(), Map.of()).entrySet()
          .stream().filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(to))
          .mapToInt(Map.Entry::getValue).sum();
      int samples = p.get("samples").asInt();
      if (samples > onKafka) {
        over++;
      } else if (samples < onKafka) {
        under++;
        System.out.println("KPI window " + p.get("site_id").asText() + " " + from + ".." + to
            + ": " + samples + " readings, " + onKafka + " on Kafka");
      }
    }

    Map<String, Set<String>> incidents = new HashMap<>();
    for (JsonNode event : read(TopicFamily.INCIDENT_LIFECYCLE.pattern())) {
      if (event.get("event_type").asText().equals("incident.opened")
          && event.get("tenant_id").asText().equals("towerco")) {
        for (JsonNode site : event.get("payload").get("affected_sites")) {
          incidents.computeIfAbsent(site.asText(), s -> new HashSet<>())
              .add(event.get("payload").get("incident_id").asText());
        }
      }
    }
    Map<String, Integer> perFault = new LinkedHashMap<>();
    faultSites.forEach(s -> perFault.put(s, incidents.getOrDefault(s, Set.of()).size()));
    System.out.println("incidents by site: " + incidents.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().size()).collect(Collectors.joining(", ")));
    return new Audit(siteIds, inventory.size(), duplicates, windowIds.size(), twice, over,
        under, perFault);
  }

  /**
   * Writes what the alert path left on Kafka (alerts, the engine's region repartition topics
   * and changelogs, incident commands and lifecycles), one record a line, so that a fault
   * without its incident can be traced to the stage that lost it.
   */
  private void dump(Path into) throws Exception {
    Files.createDirectories(into);
    Pattern path = Pattern.compile("towerco\\.alerts\\..*|towerco\\.incidents\\..*"
        + "|towerco-aiops-engine-.*(repartition|changelog)");
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.listTopics().entrySet().stream()
          .filter(e -> path.matcher(e.getKey()).matches()
              && !e.getKey().contains("detection"))
          .flatMap(e -> e.getValue().stream().map(p -> new TopicPartition(p.topic(),
              p.partition()))).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<String, List<String>> lines = new HashMap<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          lines.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r.partition() + "\t"
              + r.offset() + "\t" + Instant.ofEpochMilli(r.timestamp()) + "\t" + r.key()
              + "\t" + r.value());
        }
      }
      for (var e : lines.entrySet()) {
        Files.write(into.resolve(e.getKey() + ".tsv"), e.getValue());
      }
    }
  }

  private static Stored stored(Path duckdb, Set<String> siteEventIds) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT event_id FROM raw_events "
            + "WHERE topic LIKE 'towerco.sites.%'")) {
      Set<String> ids = new HashSet<>();
      long rows = 0;
      while (r.next()) {
        rows++;
        ids.add(r.getString(1));
      }
      long duplicates = rows - ids.size();
      ids.retainAll(siteEventIds);
      return new Stored(ids.size(), duplicates);
    }
  }

  private List<JsonNode> read(Pattern topics) throws Exception {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    List<JsonNode> events = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.listTopics().entrySet().stream()
          .filter(e -> topics.matcher(e.getKey()).matches())
          .flatMap(e -> e.getValue().stream().map(p -> new TopicPartition(p.topic(),
              p.partition()))).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("reading " + topics).isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.headers().lastHeader(TopicProvisioner.PROBE_HEADER) == null && r.value() != null
              && r.value().length > 0) {
            events.add(JSON.readTree(r.value()));
          }
        }
      }
    }
    return events;
  }

  /**
   * Until every consumer group has committed the end of what it reads, or the lag has not
   * moved for 30 s (a transaction marker after a group's last commit is lag that never goes).
   */
  private void awaitCaughtUp(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long previous = -1;
    long since = System.nanoTime();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        cluster.bootstrapServers()))) {
      while (true) {
        long lag = 0;
        Map<String, Long> lagByGroup = new HashMap<>();
        for (var group : admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
          Map<TopicPartition, OffsetAndMetadata> committed = admin
              .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
          var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
          for (var e : committed.entrySet()) {
            if (e.getValue() != null) {
              long behind = Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
              lag += behind;
              if (behind > 0) {
                lagByGroup.merge(group.groupId(), behind, Long::sum);
              }
            }
          }
        }
        System.out.println("consumer lag over every group: " + lag + " " + lagByGroup);
        if (lag == 0) {
          return;
        }
        if (lag != previous) {
          previous = lag;
          since = System.nanoTime();
        } else if (System.nanoTime() - since > Duration.ofSeconds(30).toNanos()) {
          System.out.println("lag steady at " + lag + " for 30 s: auditing");
          return;
        }
        assertThat(System.nanoTime()).as("consumers caught up").isLessThan(deadline);
        Thread.sleep(5_000);
      }
    }
  }
}
