package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.GroupState;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.StreamsService;
import com.towerco.platform.runtime.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The AIOps Engine's Kafka Streams topology, built in one place:
 *
 * <pre>
 * towerco.sites.*.events ─► site-rules (per site: decode, dedup, alarm/telemetry/reachability
 *        rules, anomaly and site detectors; stores: firing alerts, detector state)
 *          ├─► alerts, dead letters ─► their topics
 *          └─► alerts-by-region (repartition) ───────┐
 * towerco.kpis.*.metrics ─► kpi-anomalies (per KPI    ├─► correlation (per region; store:
 *        series: detectors; stores: alerts, detector  │     groups) ─► towerco.incidents.
 *        state)                                       │     {operator}.commands
 *          ├─► alerts, dead letters ─► their topics   │
 *          └─► kpi-alerts-by-region (repartition) ───┘
 * </pre>
 *
 * Three sub-topologies: site events, KPIs (each sized by its own topics' partitions) and
 * correlation (sized by {@code correlationPartitions}).
 *
 * Alerts are few next to telemetry, so repartitioning them by region (the correlation domain:
 * a hub and the sites behind it are in one region) costs little.
 */
public final class AiopsTopology {
  public static final String SITE_ALERTS_STORE = "site-alerts";
  public static final String CORRELATION_STORE = "correlation-groups";
  public static final String CORRELATION_CLOCK_STORE = "correlation-clocks";
  /** Alerts' records waiting for their problem to settle (ADR-027). */
  public static final String NOTIFICATION_HOLDS_STORE = "notification-holds";
  public static final String SITE_DETECTION_STORE = "site-detection";
  public static final String KPI_ALERTS_STORE = "kpi-alerts";
  public static final String KPI_DETECTION_STORE = "kpi-detection";

  /** How often each site's and KPI owner's learned detector state is saved, by default. */
  public static final java.time.Duration DEFAULT_LEARNED_STATE_SAVE =
      java.time.Duration.ofMinutes(5);

  private AiopsTopology() {}

  /**
   * Everything the topology needs from outside; {@code anomalyPolicies} says when a detector's
   * anomalies become alerts, per metric class.
   */
  public record Dependencies(EventCodec codec, RecordDecoder decoder, SiteLookup sites,
      TopicNames topics,
      String operatorTenant, CorrelationPolicy policy, ServiceMetrics metrics,
      int correlationPartitions, java.time.Duration flapHold,
      com.towerco.aiops.detection.DetectorFactory detector, AnomalyPolicies anomalyPolicies,
      com.towerco.aiops.alerting.RulePolicies rulePolicies,
      com.towerco.aiops.policy.PolicyBoard policyBoard, java.time.Duration learnedStateSave) {

    /** Learned state saved at the default interval ({@code aiops.learned-state-save}). */
    public Dependencies(EventCodec codec, RecordDecoder decoder, SiteLookup sites,
        TopicNames topics, String operatorTenant, CorrelationPolicy policy,
        ServiceMetrics metrics, int correlationPartitions, java.time.Duration flapHold,
        com.towerco.aiops.detection.DetectorFactory detector, AnomalyPolicies anomalyPolicies,
        com.towerco.aiops.alerting.RulePolicies rulePolicies,
        com.towerco.aiops.policy.PolicyBoard policyBoard) {
      this(codec, decoder, sites, topics, operatorTenant, policy, metrics, correlationPartitions,
          flapHold, detector, anomalyPolicies, rulePolicies, policyBoard,
          DEFAULT_LEARNED_STATE_SAVE);
    }

    /** With no operator policy beyond the configuration. */
    public Dependencies(EventCodec codec, RecordDecoder decoder, SiteLookup sites,
        TopicNames topics, String operatorTenant, CorrelationPolicy policy,
        ServiceMetrics metrics, int correlationPartitions, java.time.Duration flapHold,
        com.towerco.aiops.detection.DetectorFactory detector, AnomalyPolicies anomalyPolicies,
        com.towerco.aiops.alerting.RulePolicies rulePolicies) {
      this(codec, decoder, sites, topics, operatorTenant, policy, metrics, correlationPartitions,
          flapHold, detector, anomalyPolicies, rulePolicies,
          new com.towerco.aiops.policy.PolicyBoard());
    }

    /** With the default threshold rules. */
    public Dependencies(EventCodec codec, RecordDecoder decoder, SiteLookup sites,
        TopicNames topics, String operatorTenant, CorrelationPolicy policy,
        ServiceMetrics metrics, int correlationPartitions, java.time.Duration flapHold,
        com.towerco.aiops.detection.DetectorFactory detector, AnomalyPolicies anomalyPolicies) {
      this(codec, decoder, sites, topics, operatorTenant, policy, metrics, correlationPartitions,
          flapHold, detector, anomalyPolicies, com.towerco.aiops.alerting.RulePolicies.defaults());
    }

    /** With the default anomaly policies. */
    public Dependencies(EventCodec codec, RecordDecoder decoder, SiteLookup sites,
        TopicNames topics, String operatorTenant, CorrelationPolicy policy,
        ServiceMetrics metrics, int correlationPartitions, java.time.Duration flapHold,
        com.towerco.aiops.detection.DetectorFactory detector) {
      this(codec, decoder, sites, topics, operatorTenant, policy, metrics, correlationPartitions,
          flapHold, detector, AnomalyPolicies.defaults());
    }
  }

  public static Topology build(Dependencies deps) {
    Publications publications = new Publications(deps.codec(), deps.topics(), deps.sites(),
        deps.operatorTenant());
    DetectorAlarms detectorAlarms = new DetectorAlarms(deps.metrics().registry());
    NotificationOutcomes outcomes = new NotificationOutcomes(deps.metrics().registry());
    StreamsBuilder builder = new StreamsBuilder();
    // Stores written per input record (a region's clock on every watermark and alert, its
    // groups on every alert, alerts as they change) are cached: Streams coalesces the puts to a
    // key between commits, so RocksDB and the changelog get one write per key per commit, not
    // one per record, and the changelog still matches the committed input offsets (the cache
    // is flushed before they are committed). Learned detector state is already written in
    // rounds (LearnedStateSaves) and is not cached (ADR-034).
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SITE_ALERTS_STORE), Serdes.String(),
        JsonSerde.listOf(ActiveAlert.class))
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CORRELATION_STORE), Serdes.String(),
        JsonSerde.listOf(GroupState.class))
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CORRELATION_CLOCK_STORE), Serdes.String(),
        JsonSerde.of(com.towerco.aiops.correlation.SourceClock.State.class))
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(NOTIFICATION_HOLDS_STORE), Serdes.String(),
        JsonSerde.of(HeldNotices.class))
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SITE_DETECTION_STORE), Serdes.String(),
        LearnedStateSerde.sites()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(KPI_ALERTS_STORE), Serdes.String(),
        JsonSerde.listOf(ActiveAlert.class))
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(KPI_DETECTION_STORE), Serdes.String(),
        LearnedStateSerde.kpis()));

    // Each input's admission node forwards straight to its processor (ADR-059).
    KStream<String, Emission> siteEmissions = StreamsService.events(builder,
        TopicFamily.SITE_EVENTS.pattern(), "site-events",
        SiteRulesProcessor.HANDLED_TYPES::contains, deps.metrics(), () -> new SiteRulesProcessor(deps.decoder(), deps.sites(), publications,
            deps.metrics(), deps.flapHold(), deps.detector(), deps.anomalyPolicies(),
            deps.rulePolicies(), deps.policyBoard(),
            detectorAlarms, deps.learnedStateSave()), "site-rules",
        SITE_ALERTS_STORE, SITE_DETECTION_STORE);
    KStream<String, Emission> kpiEmissions = StreamsService.events(builder,
        TopicFamily.KPI_METRICS.pattern(), "kpis", "kpi.computed"::equals, deps.metrics(),
        () -> new KpiAnomalyProcessor(deps.decoder(), deps.sites(), publications,
            deps.metrics(), deps.flapHold(), deps.detector(), deps.anomalyPolicies(),
            detectorAlarms, deps.learnedStateSave()), "kpi-anomalies",
        KPI_ALERTS_STORE, KPI_DETECTION_STORE);

    // Site topics and tenant topics have their own partition counts, so each input is its own
    // sub-topology (its own tasks and changelogs); they meet only after repartitioning by region.
    publish(siteEmissions, "site", deps)
        .merge(publish(kpiEmissions, "kpi", deps), Named.as("site-and-kpi-alerts-by-region"))
        .process(() -> new CorrelationProcessor(deps.policy(),
                deps.rulePolicies().notification(), publications, outcomes),
            Named.as("correlation"), CORRELATION_STORE, CORRELATION_CLOCK_STORE,
            NOTIFICATION_HOLDS_STORE)
        .peek((k, v) -> counted(deps.metrics(), v), Named.as("count-incident-commands"))
        .to(OUTBOUND_TOPIC, Produced.with(Serdes.String(), OUTBOUND_VALUE)
            .withName("incident-commands"));
    return builder.build();
  }

  /**
   * Writes an input's alerts and dead letters to their topics and returns its alert changes for
   * correlation, repartitioned by region.
   */
  private static KStream<String, Emission.CorrelationInput> publish(
      KStream<String, Emission> emitted, String input, Dependencies deps) {
    emitted.filter((k, v) -> v instanceof Emission.Outbound, Named.as(input + "-outputs"))
        .peek((k, v) -> counted(deps.metrics(), v), Named.as("count-" + input + "-outputs"))
        .to(OUTBOUND_TOPIC, Produced.with(Serdes.String(), OUTBOUND_VALUE)
            .withName(input + "-alerts-and-dead-letters"));
    return emitted
        .filter((k, v) -> v instanceof Emission.ForCorrelation,
            Named.as(input + "-for-correlation"))
        .mapValues(v -> ((Emission.ForCorrelation) v).input(),
            Named.as(input + "-correlation-input"))
        // An explicit partition count: with a pattern source, Streams cannot size the
        // repartition topic before the first input topic exists.
        .repartition(Repartitioned.with(Serdes.String(),
            JsonSerde.of(Emission.CorrelationInput.class))
            .withName(input.equals("site") ? "alerts-by-region" : input + "-alerts-by-region")
            .withNumberOfPartitions(deps.correlationPartitions()));
  }

  private static void counted(ServiceMetrics metrics, Emission outbound) {
    String topic = ((Emission.Outbound) outbound).topic();
    metrics.eventOut(TopicFamily.of(topic).map(Enum::name).orElse(topic));
  }

  private static final TopicNameExtractor<String, Emission> OUTBOUND_TOPIC =
      (key, value, context) -> ((Emission.Outbound) value).topic();

  private static final Serializer<Emission> OUTBOUND_SERIALIZER =
      (topic, value) -> ((Emission.Outbound) value).value();

  private static final org.apache.kafka.common.serialization.Serde<Emission> OUTBOUND_VALUE =
      Serdes.serdeFrom(OUTBOUND_SERIALIZER, (topic, bytes) -> {
        throw new UnsupportedOperationException("outbound records are written, not read");
      });
}
