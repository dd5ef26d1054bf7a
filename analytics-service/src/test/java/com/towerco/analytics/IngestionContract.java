package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.ingest.IngestHandler;
import com.towerco.analytics.ingest.IngestMetrics;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.optimization.ApproveOptimization;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.events.payload.optimization.OptimizationKind;
import com.towerco.events.payload.optimization.OptimizationProposed;
import com.towerco.events.payload.refuel.RefuelRequested;
import com.towerco.events.payload.notification.SilenceCreated;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.SourceRecord;
import com.towerco.analytics.ingest.Rejects;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once ingestion from a real Kafka broker into each store: a crash between the
 * database commit and the Kafka commit, and a duplicated delivery, each end up with every
 * event stored exactly once.
 */
abstract class IngestionContract {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();
  static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  static final EventCodec CODEC = new EventCodec();

  TestDatabases databases;
  Database database;
  ServiceContext context;
  String group;
  String site;
  IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());

  abstract TestDatabases databases();

  @BeforeEach
  void setUp() {
    databases = databases();
    database = databases.open();
    context = kafka.context();
    group = "analytics-it-" + UUID.randomUUID();
    site = "S" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() {
    database.close();
    databases.close();
  }

  @Test
  void resumesFromTheStoredOffsetsAfterACrashBetweenTheDatabaseAndTheKafkaCommit()
      throws Exception {
    send(0, 200);
    // The first run stores rows and offsets in the database but dies before every Kafka commit.
    try (ConsumerService crashing = service("analytics-crash", IngestSettings.defaults(),
        handler -> new DiesBeforeKafkaCommit(handler))) {
      crashing.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> count("raw_events") == 200);
    }
    try (Admin admin = context.clients().admin()) {
      assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
          .values()).allMatch(o -> o == null);
    }
    send(200, 50);
    try (ConsumerService restarted = service("analytics-restart", IngestSettings.defaults(),
        UnaryOperator.identity())) {
      restarted.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> count("raw_events") == 250);
      assertThat(count("kpi_windows")).isEqualTo(250);
      // It read only what was not stored yet: the database's offsets, not Kafka's, set where.
      assertThat(context.metrics().forService("analytics-restart").totalIn()).isEqualTo(50);
    }
  }

  @Test
  void deadLettersExactlyTheEventTheDatabaseRefusesAndStoresTheRest() throws Exception {
    // One transaction for everything until the service closes (ADR-061): the refusal rolls
    // back batches already appended, which are read again a batch per transaction.
    IngestSettings settings = new IngestSettings(50, 200, Duration.ofMillis(100),
        Duration.ofSeconds(1)).withCommit(1_000_000, Duration.ofHours(1));
    String name = "analytics-refused";
    byte[] bad = "{\"not utf-8\": \"?\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xff;
    List<SourceRecord> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ConsumerService service = service(name, settings, UnaryOperator.identity(),
        (source, detail) -> {
          refused.add(source);
          reasons.add(detail);
        })) {
      service.start();
      send(0, 100);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          context.metrics().forService(name).totalIn() == 100 && metrics.bufferedEvents() == 0);
      // A telemetry record whose routing headers are fine but whose bytes are not UTF-8: stored
      // from its headers without being decoded, refused by the database for its data.
      Envelope shape = TestEvents.kpi(site, null, "R1", T0.plusSeconds(300L * 100), 5, 100, 100);
      try (EventFeeder feeder = new EventFeeder(context)) {
        feeder.rawTo(topic(), site, bad, com.towerco.platform.kafka.EventHeaders.of(
            new com.towerco.platform.kafka.EventHeaders.Attributes(shape.eventId(),
                com.towerco.events.EventTypes.of(
                    com.towerco.events.payload.site.SiteTelemetry.class).name(),
                shape.version(), shape.tenantId(), site, shape.timestamp())));
        feeder.flush();
      }
      send(101, 99);
      await().atMost(Duration.ofSeconds(60)).until(() -> !refused.isEmpty()
          && metrics.bufferedEvents() == 0
          && context.metrics().forService(name).totalIn() >= 200);
    }
    assertThat(refused).hasSize(1);
    // Exactly that record is missing from the store, its neighbours are there.
    SourceRecord r = refused.get(0);
    String at = "SELECT count(*) FROM raw_events WHERE topic = '" + r.topic()
        + "' AND kafka_partition = " + r.partition() + " AND kafka_offset = ";
    assertThat(List.of(longs(at + (r.offset() - 1)), longs(at + r.offset()),
        longs(at + (r.offset() + 1)))).containsExactly(1L, 0L, 1L);
    assertThat(refused.get(0).value()).isEqualTo(bad);
    assertThat(refused.get(0).key()).isEqualTo(site);
    assertThat(reasons.get(0)).contains("refused");
    assertThat(count("raw_events")).isEqualTo(199);
    assertThat(count("kpi_windows")).isEqualTo(199);
    assertThat(storedToTheEnd()).isTrue();
  }

  @Test
  void storesAndCountsADuplicatedEventOnce() throws Exception {
    Envelope twice = TestEvents.kpi(site, null, "R1", T0, 5, 100, 100);
    try (EventFeeder feeder = new EventFeeder(context);
        ConsumerService service = service("analytics-dup", IngestSettings.defaults(),
            UnaryOperator.identity())) {
      service.start();
      feeder.sendTo(topic(), twice);
      feeder.flush();
      await().atMost(Duration.ofSeconds(60)).until(() -> count("raw_events") == 1);
      feeder.sendTo(topic(), twice);
      feeder.sendTo(topic(), TestEvents.kpi(site, null, "R1", T0.plusSeconds(300), 5, 100,
          100));
      feeder.flush();
      await().atMost(Duration.ofSeconds(60)).until(() -> count("raw_events") == 2);
      assertThat(count("kpi_windows")).isEqualTo(2);
      await().atMost(Duration.ofSeconds(10)).until(() ->
          context.metrics().registry().find("towerco_duplicates_skipped")
              .tag("service", "analytics-dup").counter().count() == 1.0);
    }
  }

  @Test
  void storesTheOperationsAndDeliveryFamiliesButNeitherDeadLettersNorSettings()
      throws Exception {
    String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    Envelope proposed = TestEvents.event(tenant, site, T0, new OptimizationProposed("opt-1",
        site, OptimizationKind.GRID_PRIORITY, "Prefer grid", "cheaper", Map.of("fuel_l", 3.5),
        Map.of("fuel_l", 3.5), T0));
    Envelope approve = TestEvents.event(tenant, site, T0, new ApproveOptimization("opt-1", 1,
        "ana", "ok"));
    Envelope refuel = TestEvents.event(tenant, site, T0, new RefuelRequested("ref-1", site,
        400, T0.plusSeconds(86_400), T0));
    Envelope delivery = TestEvents.event(tenant, site, T0, new NotificationAttempted("n-1",
        "k-1", proposed.eventId(), "noc-webhook", "webhook", 1,
        NotificationAttempted.Outcome.DELIVERED, 200, null, T0));
    Envelope silence = TestEvents.event(tenant, site, T0, new SilenceCreated("sil-1",
        List.of("site=" + site), T0, T0.plusSeconds(3_600), "ana", "maintenance"));
    try (ServiceContext.Outputs out = context.outputs("it", "-families");
        ConsumerService service = new ConsumerService(context, "analytics-families", group,
            AnalyticsService.SUBSCRIPTION, () -> new IngestHandler(new Projector(),
                new EventSink(database, group), IngestSettings.defaults(), (r, d) -> { },
                context.metrics().forService("analytics-families"), metrics), 1,
            Duration.ofMillis(200))) {
      out.publisher().publish(TopicFamily.OPTIMIZATION_LIFECYCLE, tenant, site, proposed);
      out.publisher().publish(TopicFamily.OPTIMIZATION_COMMANDS, tenant, site, approve);
      out.publisher().publish(TopicFamily.REFUEL_LIFECYCLE, tenant, site, refuel);
      out.publisher().publish(TopicFamily.NOTIFICATION_DELIVERIES, tenant, site, delivery);
      out.publisher().publish(TopicFamily.NOTIFICATION_SETTINGS, tenant, silence);
      out.publisher().flush();
      out.deadLetters().send("towerco.sites." + site + ".events", 0, 0L, site,
          CODEC.encode(TestEvents.event(tenant, site, T0, new RefuelRequested("ref-2", site, 1,
              T0, T0))), null, RejectReason.PROCESSING_FAILED, "test").get();
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> strings("SELECT event_type FROM"
          + " raw_events WHERE tenant_id = '" + tenant + "'").size() == 4);
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
          strings("SELECT event_type FROM raw_events WHERE tenant_id = '" + tenant + "'")
              .size() == 4);
      assertThat(strings("SELECT topic FROM raw_events WHERE tenant_id = '" + tenant
          + "' ORDER BY topic")).containsExactly(
              "towerco.notifications." + tenant + ".deliveries",
              "towerco.optimizations." + tenant + ".commands",
              "towerco.optimizations." + tenant + ".lifecycle",
              "towerco.refuels." + tenant + ".lifecycle");
    }
  }

  java.util.List<String> strings(String sql) throws Exception {
    java.util.List<String> values = new java.util.ArrayList<>();
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /**
   * Each test reads its own topic: its site's own topic, as before ADR-029 (still a site topic
   * every reader takes), since a group topic also carries the other tests' sites.
   */
  String topic() {
    return EventFeeder.legacyTopic(site);
  }

  void send(int first, int count) {
    try (EventFeeder feeder = new EventFeeder(context)) {
      for (int i = first; i < first + count; i++) {
        feeder.sendTo(topic(), TestEvents.kpi(site, null, "R1", T0.plusSeconds(300L * i), 5,
            100, 100));
      }
      feeder.flush();
    }
  }

  ConsumerService service(String name, IngestSettings settings,
      UnaryOperator<EventHandler> decorate) {
    return service(name, settings, decorate, (source, detail) -> { });
  }

  ConsumerService service(String name, IngestSettings settings,
      UnaryOperator<EventHandler> decorate, Rejects rejects) {
    EventSink sink = new EventSink(database, group);
    return new ConsumerService(context, name, group,
        java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(topic())),
        () -> decorate.apply(new IngestHandler(new Projector(), sink, settings,
            rejects, context.metrics().forService(name), metrics)),
        1, Duration.ofMillis(200));
  }

  /**
   * Whether the group's stored position of the topic's partition that holds the site's
   * records (the others hold at most a probe) is that partition's end: everything stored.
   */
  boolean storedToTheEnd() throws Exception {
    Map<TopicPartition, Long> ends;
    try (Admin admin = context.clients().admin()) {
      var partitions = admin.describeTopics(List.of(topic())).allTopicNames().get().get(topic())
          .partitions();
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(new TopicPartition(topic(), p.partition()),
          org.apache.kafka.clients.admin.OffsetSpec.latest()));
      ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, o) -> ends.put(tp, o.offset()));
    }
    TopicPartition records = ends.entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow().getKey();
    return new EventSink(database, group).storedOffsets(List.of(records))
        .get(records).equals(ends.get(records));
  }

  long longs(String sql) throws Exception {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long count(String table) throws Exception {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Stores everything, then "crashes" before each Kafka offset commit. */
  record DiesBeforeKafkaCommit(EventHandler handler) implements EventHandler {
    @Override
    public void handle(Envelope event, SourceRecord source) throws Exception {
      handler.handle(event, source);
    }

    @Override
    public void afterBatch() throws Exception {
      handler.afterBatch();
    }

    @Override
    public void beforeCommit() throws Exception {
      handler.beforeCommit();
      throw new IllegalStateException("crash: the Kafka commit never happens");
    }

    @Override
    public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
      return handler.storedOffsets(partitions);
    }

    @Override
    public boolean backpressured() {
      return handler.backpressured();
    }

    @Override
    public boolean rereadRequested() {
      return handler.rereadRequested();
    }

    @Override
    public CommitPoint committable(TopicPartition partition, long position) {
      return handler.committable(partition, position);
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) {
      handler.onRevoked(partitions);
    }

    @Override
    public void close() {
      handler.close();
    }
  }
}
