package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.detection.Detectors;
import com.towerco.benchmarks.system.BenchRecords;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The AIOps engine's whole topology per site telemetry record, as its stream thread runs it:
 * the pipeline benchmark's records ({@link BenchRecords}, 50 sites in turn, one reading per
 * site per second of event time, with routing headers) piped through {@link AiopsTopology} in
 * Kafka's own in-process driver (source, admission, site rules and their detectors, the
 * alerts-by-region repartition and correlation, on RocksDB stores), so Streams' per-record work
 * (record queue, node forwarding, sensors) is counted with the processor's (ADR-059). Wall-clock
 * time passes at 5,000 records a second for the punctuations. Every series past its learning
 * before measuring.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EngineTopologyBenchmark {
  private static final String OPERATOR = "towerco";
  private static final int SITES = 50;
  private static final int PAST_LEARNING = SITES * 3_000;
  private static final int RECORDS_PER_WALL_CLOCK_STEP = 1_000;
  private static final Duration WALL_CLOCK_STEP = Duration.ofMillis(200);
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private BenchRecords records;
  private TopologyTestDriver driver;
  /** The sites' group topics (ADR-029), each an input of the driver. */
  private final java.util.Map<String, TestInputTopic<String, byte[]>> inputs =
      new java.util.HashMap<>();
  private Path stateDir;
  private long next;

  @Setup(Level.Trial)
  public void start() throws Exception {
    EventCodec codec = new EventCodec();
    records = new BenchRecords(OPERATOR, SITES);
    var deps = new AiopsTopology.Dependencies(codec, RecordDecoder.of(codec), records,
        TopicNames.plain(), OPERATOR, CorrelationPolicy.defaults(),
        new PlatformMetrics().forService("aiops-engine"), 2, Duration.ofSeconds(60),
        Detectors.byName(Detectors.DEFAULT));
    stateDir = Files.createTempDirectory("engine-topology-bench");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aiops-bench");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(AiopsTopology.build(deps), props);
    for (int i = 0; i < PAST_LEARNING; i++) {
      siteRecord();
    }
  }

  /** One site telemetry record through the engine's topology. */
  @Benchmark
  public void siteRecord() {
    long i = next++;
    BenchRecords.Next r = records.next(i, START.plusMillis(i / SITES * 1000));
    TestInputTopic<String, byte[]> input = inputs.computeIfAbsent(
        TopicFamily.SITE_EVENTS.topic(r.siteId()),
        t -> driver.createInputTopic(t, new StringSerializer(), new ByteArraySerializer()));
    input.pipeInput(new TestRecord<>(r.siteId(), r.value(), EventHeaders.of(r.attributes()),
        r.time()));
    if (next % RECORDS_PER_WALL_CLOCK_STEP == 0) {
      driver.advanceWallClockTime(WALL_CLOCK_STEP);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    driver.close();
  }
}
