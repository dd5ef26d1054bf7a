package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.NotificationPolicy;
import com.towerco.aiops.correlation.AlertFact;
import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.GroupState;
import com.towerco.aiops.correlation.SourceClock;
import com.towerco.events.EventCodec;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.TopicNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's correlation stage per alert change in a region with {@code openGroups} open
 * problems (a regional storm: mains lost at that many sites, each on its own grid feeder, so
 * each is its own group, settled into an incident): one alert of one of them goes quiet or
 * comes back (the flap hold), in turn, event time moving 10 ms per change, through the
 * processor as the topology builds it (the region's correlator, its source clock, the
 * notification holds, the stores' writes) on in-memory stores serialised as in production
 * (the changelog's produce, and the cache's coalescing between commits, are not measured: the
 * serialisation on every put is). It lives in the engine's package because the processor is
 * package-private. {@code clockState}: serialising the region's source clock once, what
 * {@code clockStore.put} costs per input, with twelve upstream sources.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorrelationStageBenchmark {
  private static final String REGION = "north";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Param({"1", "50", "500"})
  public int openGroups;

  private CorrelationProcessor processor;
  private MockProcessorContext<String, Emission> context;
  private AlertFact[] alerts;
  private boolean[] quiet;
  private long next;
  private Instant time;
  private SourceClock.State clock;
  private final org.apache.kafka.common.serialization.Serializer<SourceClock.State> clocks =
      JsonSerde.of(SourceClock.State.class).serializer();

  @Setup(Level.Trial)
  public void storm() {
    EventCodec codec = new EventCodec();
    Publications publications = new Publications(codec, TopicNames.plain(), id -> Optional.empty(),
        "towerco");
    processor = new CorrelationProcessor(CorrelationPolicy.defaults(),
        NotificationPolicy.defaults(), publications,
        new NotificationOutcomes(new PlatformMetrics().forService("aiops-engine").registry()));
    context = new MockProcessorContext<>();
    store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(
        AiopsTopology.CORRELATION_STORE), Serdes.String(), JsonSerde.listOf(GroupState.class))
        .withLoggingDisabled().build());
    store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(
        AiopsTopology.CORRELATION_CLOCK_STORE), Serdes.String(),
        JsonSerde.of(SourceClock.State.class)).withLoggingDisabled().build());
    store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(
        AiopsTopology.NOTIFICATION_HOLDS_STORE), Serdes.String(),
        JsonSerde.of(HeldNotices.class)).withLoggingDisabled().build());
    processor.init(context);
    alerts = new AlertFact[openGroups];
    quiet = new boolean[openGroups];
    time = T0;
    for (int i = 0; i < openGroups; i++) {
      String site = "S" + i;
      alerts[i] = new AlertFact("mains-" + i, AlertRule.MAINS_FAILURE.fingerprint(site, ""),
          AlertRule.MAINS_FAILURE, site, REGION, null, AlertSeverity.MAJOR,
          List.of("altel", "borealis"), time, true, false,
          new AlertFact.Relations("F" + i, List.of(), null, null));
      input(new Emission.CorrelationInput(alerts[i], null, List.of(), null, "bench", false));
      time = time.plusMillis(10);
    }
    time = time.plusSeconds(60); // settled: every group an open incident
    input(new Emission.CorrelationInput(null, time, List.of(), null, "bench", false));
    context.resetForwards();
    Map<String, Instant> sources = new TreeMap<>();
    for (int i = 0; i < 12; i++) {
      sources.put("site-events-" + i + "@engine-" + (i % 3), time.plusMillis(i));
    }
    clock = new SourceClock.State(sources, time, Map.of());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void store(KeyValueStore store) {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  /** One alert change of one of the region's problems. */
  @Benchmark
  public void alertChange() {
    int i = (int) (next++ % openGroups);
    time = time.plusMillis(10);
    quiet[i] = !quiet[i];
    input(new Emission.CorrelationInput(alerts[i].quieted(quiet[i], time), null, List.of(),
        null, "bench", false));
    if (next % 10_000 == 0) {
      context.resetForwards();
    }
  }

  /** What the region's source clock costs to save once (12 sources). */
  @Benchmark
  public byte[] clockState() {
    return clocks.serialize("t", clock);
  }

  private void input(Emission.CorrelationInput input) {
    processor.process(new Record<>(REGION, input, input.time().toEpochMilli()));
  }
}
