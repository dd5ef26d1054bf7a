package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.policy.PolicyBoard;
import com.towerco.benchmarks.system.BenchRecords;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The AIOps engine's site-rules processor per telemetry record, the work of its stream thread
 * for each site event: the pipeline benchmark's records (50 sites in turn, one reading per site
 * per second of event time, with routing headers; {@link BenchRecords}) through the processor
 * as the topology builds it (header dedup, decode, rules, a detector per metric, the site
 * detectors, learned-state save rounds on the processor's own schedule, with wall-clock time
 * passing at 5,000 records a second), every series past its learning before measuring, on
 * in-memory stores (serialised as in production; the changelog's
 * produce is the broker's share, not measured here). It lives in the engine's package because
 * the processor is package-private. The baseline in the same run makes and decodes the same
 * records and nothing else, so the ratio of the two rates says how many decodes one engine
 * record costs, comparable across runs on a busy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SiteRulesBenchmark {
  private static final String OPERATOR = "towerco";
  private static final int SITES = 50;
  /** Wall-clock time per record for the processor's punctuations: 5,000 records a second. */
  private static final long WALL_CLOCK_PER_RECORD_MICROS = 200;
  /** Records before measuring: every series past its learning (40 min of event time). */
  private static final int PAST_LEARNING = SITES * 3_000;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final EventCodec codec = new EventCodec();
  private BenchRecords records;
  private SiteRulesProcessor processor;
  private MockProcessorContext<String, Emission> context;
  private long next;
  private long decoded;
  private long wallClock;

  @Setup(Level.Trial)
  public void start() {
    records = new BenchRecords(OPERATOR, SITES);
    var metrics = new PlatformMetrics().forService("aiops-engine");
    Publications publications = new Publications(codec, TopicNames.plain(), records,
        OPERATOR);
    processor = new SiteRulesProcessor(RecordDecoder.of(codec), records, publications, metrics,
        Duration.ofSeconds(60), Detectors.byName(Detectors.DEFAULT), AnomalyPolicies.defaults(),
        RulePolicies.defaults(), new PolicyBoard(), new DetectorAlarms(metrics.registry()),
        AiopsTopology.DEFAULT_LEARNED_STATE_SAVE);
    context = new MockProcessorContext<>();
    KeyValueStore<String, java.util.List<ActiveAlert>> alerts = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(AiopsTopology.SITE_ALERTS_STORE), Serdes.String(),
            JsonSerde.listOf(ActiveAlert.class)).withLoggingDisabled().build();
    KeyValueStore<String, SiteDetection.Snapshot> detection = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(AiopsTopology.SITE_DETECTION_STORE), Serdes.String(),
            LearnedStateSerde.sites()).withLoggingDisabled().build();
    alerts.init(context.getStateStoreContext(), alerts);
    detection.init(context.getStateStoreContext(), detection);
    context.addStateStore(alerts);
    context.addStateStore(detection);
    processor.init(context);
    for (int i = 0; i < PAST_LEARNING; i++) {
      siteRecord();
    }
  }

  /** One site telemetry record through the site-rules processor. */
  @Benchmark
  public void siteRecord() {
    long i = next++;
    BenchRecords.Next r = records.next(i, START.plusMillis(i / SITES * 1000));
    context.setRecordMetadata(TopicFamily.SITE_EVENTS.topic(r.siteId()), 0, i);
    processor.process(new Record<>(r.siteId(), r.value(), r.time().toEpochMilli(),
        EventHeaders.of(r.attributes())));
    wallClock += WALL_CLOCK_PER_RECORD_MICROS;
    for (var p : context.scheduledPunctuators()) {
      long interval = p.getInterval().toMillis() * 1_000;
      if (wallClock / interval != (wallClock - WALL_CLOCK_PER_RECORD_MICROS) / interval) {
        p.getPunctuator().punctuate(wallClock / 1_000);
      }
    }
    if (next % 10_000 == 0) {
      context.resetForwards();
    }
  }

  /** The baseline: making and decoding the same record, nothing else. */
  @Benchmark
  public Envelope decodeBaseline() throws InvalidEventException {
    long i = decoded++;
    return codec.decode(records.next(i, START.plusMillis(i / SITES * 1000)).value());
  }
}
