package com.towerco.benchmarks.simulator;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.simulator.EventSink;
import com.towerco.simulator.Simulator;
import com.towerco.simulator.domain.SimulatorConfig;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures how fast the simulator generates events on one thread, as fast as possible, after a
 * warm-up run: into a sink that only counts (the model's own cost), and into one that also
 * encodes every event to JSON (what a Kafka sink pays before the producer). For
 * {@code towerco bench} and for checking the simulator is never the pipeline's bottleneck.
 */
public final class SimulatorBenchmark {
  /** Events generated, in how long, and the rate. */
  public record Result(String sink, long events, double seconds, double eventsPerSecond) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s: %d events in %.2f s = %.0f events/s", sink, events,
          seconds, eventsPerSecond);
    }
  }

  private SimulatorBenchmark() {}

  /** A representative fleet: 1000 sites, random faults, 1 event/s per site. */
  public static SimulatorConfig defaultConfig() {
    return SimulatorConfig.defaults().withSites(1000).withLayout(8, 20).withRandomFaults(30)
        .asFastAsPossible();
  }

  public static Result measure(SimulatorConfig config, Duration warmup, Duration measurement,
      boolean encode) {
    run(config, warmup, encode);
    return run(config, measurement, encode);
  }

  private static Result run(SimulatorConfig config, Duration length, boolean encode) {
    EventCodec codec = new EventCodec();
    long[] counters = new long[2];
    EventSink sink = encode
        ? (Envelope e) -> {
          counters[0]++;
          counters[1] += codec.encode(e).length;
        }
        : (Envelope e) -> counters[0]++;
    Simulator simulator = new Simulator(config.asFastAsPossible().withDuration(null));
    long begin = System.nanoTime();
    long deadline = begin + length.toNanos();
    int[] calls = new int[1];
    simulator.run(sink, () -> (++calls[0] & 1023) == 0 && System.nanoTime() > deadline);
    double seconds = (System.nanoTime() - begin) / 1e9;
    return new Result(encode ? "generate+encode" : "generate", counters[0], seconds,
        counters[0] / seconds);
  }

  public static void main(String[] args) {
    Duration length = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    SimulatorConfig config = defaultConfig();
    System.out.println(measure(config, length, length, false));
    System.out.println(measure(config, length, length, true));
  }
}
