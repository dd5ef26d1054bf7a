package com.towerco.aiops.stream;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.GroupState;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The correlation groups in their changelogged store (ADR-053): an alert writes only the group
 * it changed, however many the region has; a restart restores the groups from their entries and
 * decides as if it had never stopped; a region stored as one entry before ADR-053 is read and
 * moved to one entry per group.
 */
class CorrelationGroupsStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final int SITES = 40;
  private static final String CHANGELOG = "aiops-test-" + AiopsTopology.CORRELATION_STORE
      + "-changelog";
  private static final String COMMANDS = "towerco.incidents.towerco.commands";
  private static final String NOTIFICATIONS = "towerco.alerts.towerco.notifications";

  private final EventCodec codec = new EventCodec();
  private final Map<String, SiteRegistered> inventory = new HashMap<>();
  private final List<TopologyTestDriver> drivers = new ArrayList<>();

  @BeforeEach
  void inventory() {
    inventory.put("H1", aSite().asHub().withTenant("altel").build());
    for (int i = 1; i <= 5; i++) {
      inventory.put("S" + i, aSite().behindHub("H1").withTenant("altel").build());
    }
    for (int i = 1; i <= SITES; i++) {
      inventory.put("W" + i, aSite().withTenant("borealis").build());
    }
    inventory.put("CLOCK", aSite().build());
  }

  @AfterEach
  void stop() {
    drivers.forEach(TopologyTestDriver::close);
  }

  @Test
  void anAlertInARegionWithManyGroupsWritesOnlyTheGroupItChanged() {
    TopologyTestDriver driver = driver();
    storm(driver);
    List<KeyValue<String, List<GroupState>>> before = changelog(driver);
    assertThat(stored(driver)).as("one entry per open group").hasSize(SITES + 1);
    assertThat(before).isNotEmpty();

    pipe(driver, "W7", T0.plusSeconds(400), alarm("HV-7", false)); // one group changes

    List<KeyValue<String, List<GroupState>>> written = changelog(driver);
    assertThat(written).hasSize(1);
    assertThat(written.get(0).value).hasSize(1);
    GroupState group = written.get(0).value.get(0);
    assertThat(group.anchorSite()).isEqualTo("W7");
    assertThat(group.members()).singleElement().matches(m -> m.quiet(), "quiet (flap hold)");
    assertThat(written.get(0).key).isEqualTo("north/" + group.incidentId());

    pipe(driver, "W8", T0.plusSeconds(401), alarm("HV-8", false));
    pipe(driver, "W9", T0.plusSeconds(402), alarm("HV-9", false));
    assertThat(changelog(driver)).extracting(r -> r.value.size()).containsExactly(1, 1);
  }

  @Test
  void aRestartedEngineRestoresTheGroupsFromTheirEntriesAndDecidesTheSame() {
    TopologyTestDriver running = driver();
    storm(running);
    output(running, COMMANDS).readRecordsToList();
    output(running, NOTIFICATIONS).readRecordsToList();
    TopologyTestDriver restarted = driver();
    copyState(running, restarted);

    for (TopologyTestDriver driver : List.of(running, restarted)) {
      afterTheStorm(driver);
    }

    assertThat(commands(restarted)).isEqualTo(commands(running));
    assertThat(output(restarted, NOTIFICATIONS).readValuesToList()).hasSameSizeAs(
        output(running, NOTIFICATIONS).readValuesToList());
    assertThat(stored(restarted)).isEqualTo(stored(running));
  }

  @Test
  void aRegionStoredAsOneEntryBeforeAdr053IsReadAndMovedToOneEntryPerGroup() {
    TopologyTestDriver running = driver();
    storm(running);
    output(running, COMMANDS).readRecordsToList();
    TopologyTestDriver upgraded = driver();
    copyState(running, upgraded);
    KeyValueStore<String, List<GroupState>> groups =
        upgraded.getKeyValueStore(AiopsTopology.CORRELATION_STORE);
    List<GroupState> region = new ArrayList<>();
    for (KeyValue<String, List<GroupState>> entry : entries(groups)) {
      region.addAll(entry.value);
      groups.delete(entry.key);
    }
    region.sort(java.util.Comparator.comparing(GroupState::sequence)); // the region's order
    groups.put("north", legacy(region));
    assertThat(entries(groups)).extracting(e -> e.key).containsExactly("north");

    for (TopologyTestDriver driver : List.of(running, upgraded)) {
      afterTheStorm(driver);
    }

    assertThat(commands(upgraded)).as("the open groups were kept").isEqualTo(commands(running));
    assertThat(stored(upgraded).keySet()).as("moved to one entry per group, the old one gone")
        .isEqualTo(stored(running).keySet()).doesNotContain("north")
        .allMatch(k -> k.startsWith("north/"));
    assertThat(stored(upgraded)).isEqualTo(stored(running));
  }

  /**
   * A hub outage and HVAC failures at {@value #SITES} sites of one region, each its own
   * problem, settled into incidents.
   */
  private void storm(TopologyTestDriver driver) {
    pipe(driver, "H1", T0, hubAlarm("T-1", true));
    for (int i = 1; i <= 5; i++) {
      pipe(driver, "S" + i, T0.plusSeconds(i), unreachable());
    }
    for (int i = 1; i <= SITES; i++) {
      pipe(driver, "W" + i, T0.plusSeconds(10 + 7L * i), alarm("HV-" + i, true));
    }
    advance(driver, T0, T0.plusSeconds(360));
  }

  /** Alerts clear, a new one joins, time runs past the hold-down. */
  private void afterTheStorm(TopologyTestDriver driver) {
    pipe(driver, "W3", T0.plusSeconds(365), alarm("HV-3", false));
    pipe(driver, "H1", T0.plusSeconds(366), hubAlarm("T-1", false));
    pipe(driver, "W12", T0.plusSeconds(370), hubAlarm("T-2", true));
    advance(driver, T0.plusSeconds(370), T0.plusSeconds(400));
    for (int i = 1; i <= SITES; i += 3) {
      pipe(driver, "W" + i, T0.plusSeconds(400 + i), alarm("HV-" + i, false));
    }
    advance(driver, T0.plusSeconds(440), T0.plusSeconds(700));
  }

  /** The groups as the pre-ADR-053 engine stored them: one list, no creation order kept. */
  private static List<GroupState> legacy(List<GroupState> groups) {
    var serde = JsonSerde.listOf(GroupState.class);
    String json = new String(serde.serializer().serialize("t", groups),
        StandardCharsets.UTF_8).replaceAll(",\"sequence\":\\d+", "");
    assertThat(json).doesNotContain("sequence");
    return serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
  }

  private TopologyTestDriver driver() {
    var deps = new AiopsTopology.Dependencies(codec, RecordDecoder.of(codec),
        id -> Optional.ofNullable(inventory.get(id)), TopicNames.plain(), "towerco",
        CorrelationPolicy.defaults(), new PlatformMetrics().forService("aiops"), 2,
        Duration.ofSeconds(60), com.towerco.aiops.detection.Detectors.byName("adaptive"),
        AnomalyPolicies.defaults(), com.towerco.aiops.alerting.RulePolicies.defaults());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aiops-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try { // two engines at once, each with its own state
      props.put(StreamsConfig.STATE_DIR_CONFIG,
          java.nio.file.Files.createTempDirectory("corr-store").toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TopologyTestDriver driver = new TopologyTestDriver(AiopsTopology.build(deps), props);
    drivers.add(driver);
    return driver;
  }

  /** What a restart restores: every store's entries, into an engine that starts empty. */
  @SuppressWarnings("unchecked")
  private static void copyState(TopologyTestDriver from, TopologyTestDriver to) {
    for (Map.Entry<String, StateStore> store : from.getAllStateStores().entrySet()) {
      KeyValueStore<Object, Object> source = (KeyValueStore<Object, Object>) store.getValue();
      KeyValueStore<Object, Object> target = to.getKeyValueStore(store.getKey());
      try (KeyValueIterator<Object, Object> it = source.all()) {
        it.forEachRemaining(e -> target.put(e.key, e.value));
      }
    }
  }

  private static <K, V> List<KeyValue<K, V>> entries(KeyValueStore<K, V> store) {
    List<KeyValue<K, V>> out = new ArrayList<>();
    try (KeyValueIterator<K, V> it = store.all()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static Map<String, List<GroupState>> stored(TopologyTestDriver driver) {
    Map<String, List<GroupState>> out = new TreeMap<>();
    KeyValueStore<String, List<GroupState>> store =
        driver.getKeyValueStore(AiopsTopology.CORRELATION_STORE);
    entries(store).forEach(e -> out.put(e.key, e.value));
    return out;
  }

  /** The correlation-groups changelog records written since the last call. */
  private static List<KeyValue<String, List<GroupState>>> changelog(TopologyTestDriver driver) {
    var values = JsonSerde.listOf(GroupState.class).deserializer();
    return driver.createOutputTopic(CHANGELOG, new StringDeserializer(),
            new ByteArrayDeserializer()).readRecordsToList().stream()
        .map(r -> KeyValue.pair(r.key(), r.value() == null ? List.<GroupState>of()
            : values.deserialize(CHANGELOG, r.value())))
        .toList();
  }

  private List<String> commands(TopologyTestDriver driver) {
    List<String> out = new ArrayList<>();
    for (byte[] value : output(driver, COMMANDS).readValuesToList()) {
      try {
        Envelope e = codec.decode(value);
        out.add(e.type() + " " + e.payload());
      } catch (com.towerco.events.InvalidEventException e) {
        throw new AssertionError(e.detail(), e);
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static TestOutputTopic<String, byte[]> output(TopologyTestDriver driver,
      String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Event time moves on through telemetry from an unrelated healthy site. */
  private void advance(TopologyTestDriver driver, Instant from, Instant until) {
    for (Instant t = from; !t.isAfter(until); t = t.plus(Duration.ofSeconds(5))) {
      pipe(driver, "CLOCK", t, aReading().build());
    }
  }

  private void pipe(TopologyTestDriver driver, String siteId, Instant at, Payload payload) {
    Envelope event = Envelope.of(EventIds.derived("test", siteId, at.toString(),
        payload.getClass().getSimpleName()), "towerco", siteId, at, payload, Map.of());
    String topic = TopicFamily.SITE_EVENTS.topic(siteId);
    TestInputTopic<String, byte[]> input = driver.createInputTopic(topic,
        new StringSerializer(), new ByteArraySerializer());
    input.pipeInput(new TestRecord<>(siteId, codec.encode(event), at));
  }

  private static SiteAlarm alarm(String id, boolean raised) {
    return alarm(id, SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE, raised);
  }

  private static SiteAlarm hubAlarm(String id, boolean raised) {
    return alarm(id, SiteAlarm.ProbableCause.TRANSMISSION_FAILURE, raised);
  }

  private static SiteAlarm alarm(String id, SiteAlarm.ProbableCause cause, boolean raised) {
    return new SiteAlarm(id, raised ? SiteAlarm.AlarmState.RAISED : SiteAlarm.AlarmState.CLEARED,
        SiteAlarm.PerceivedSeverity.MAJOR, SiteAlarm.X733EventType.EQUIPMENT, cause, "test",
        "equipment/1", null, null);
  }

  private static SiteConnectivity unreachable() {
    return new SiteConnectivity(SiteConnectivity.ConnectivityState.UNREACHABLE, "H1", "lost");
  }
}
