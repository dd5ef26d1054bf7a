package com.towerco.benchmarks.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Where each alert's time went, as the latency probe sees it from outside the platform: the
 * alarm created (the start of the measured latency), written (the feed producer's
 * acknowledgement: producer batching and the broker's append), and its alert read from the
 * operator's alert topic (the engine's fetch, processing and write, and the probe's fetch).
 */
final class AlertTrips {
  /**
   * One alert: nanosecond clock readings of this process; {@code written} 0 if never acked.
   * {@code alarm}: the alarm's event id; {@code correlationInput} and {@code alertAppended}: its
   * alert seen on the engine's repartition topic and on the alert topic ({@link AlertHops}), 0
   * where not seen.
   */
  record Trip(String alarm, long created, long written, long read, long correlationInput,
      long alertAppended) {
    Trip(long created, long written, long read) {
      this(null, created, written, read, 0, 0);
    }

    long totalMicros() {
      return (read - created) / 1_000;
    }

    /** Every hop seen: written, correlation input and alert appended. */
    boolean hopsSeen() {
      return written > 0 && correlationInput >= written && alertAppended >= correlationInput
          && read >= alertAppended;
    }
  }

  /** The clock of {@link Trip} as wall-clock epoch nanoseconds (for JFR's timestamps). */
  static final long WALL_MINUS_NANO = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

  private final List<Trip> trips = new ArrayList<>();

  synchronized void add(Trip trip) {
    trips.add(trip);
  }

  /** Fills in each trip's hops from {@code hops} (by alarm event id). */
  synchronized void resolve(java.util.function.Function<String, long[]> hops) {
    trips.replaceAll(t -> {
      if (t.alarm() == null) {
        return t;
      }
      long[] seen = hops.apply(t.alarm());
      return new Trip(t.alarm(), t.created(), t.written(), t.read(), seen[0], seen[1]);
    });
  }

  /**
   * The trips whose every hop was seen, as microseconds per hop: {@code [0]} created to
   * written (the feed), {@code [1]} written to the correlation input appended (the engine's
   * site stage: its fetch of the site topic, the rules, the repartition write), {@code [2]} to
   * the alert appended (the engine's fetch of the repartition topic, correlation, the alert's
   * write), {@code [3]} to the probe's read (its fetch).
   */
  Histogram[] hops() {
    Histogram[] h = {histogram(), histogram(), histogram(), histogram()};
    for (Trip t : all()) {
      if (t.hopsSeen()) {
        h[0].recordValue(Math.max(0, t.written() - t.created()) / 1_000);
        h[1].recordValue((t.correlationInput() - t.written()) / 1_000);
        h[2].recordValue((t.alertAppended() - t.correlationInput()) / 1_000);
        h[3].recordValue((t.read() - t.alertAppended()) / 1_000);
      }
    }
    return h;
  }

  synchronized List<Trip> all() {
    return List.copyOf(trips);
  }

  /** Created to read, microseconds: the event-to-alert latency. */
  Histogram total() {
    Histogram h = histogram();
    all().forEach(t -> h.recordValue(t.totalMicros()));
    return h;
  }

  /** Created to written (the feed's hop), microseconds. */
  Histogram feed() {
    Histogram h = histogram();
    all().stream().filter(t -> t.written() > 0)
        .forEach(t -> h.recordValue(Math.max(0, t.written() - t.created()) / 1_000));
    return h;
  }

  /** Written to read (engine and the alert's hop), microseconds. */
  Histogram afterWritten() {
    Histogram h = histogram();
    all().stream().filter(t -> t.written() > 0)
        .forEach(t -> h.recordValue(Math.max(0, t.read() - t.written()) / 1_000));
    return h;
  }

  /** The slowest {@code share} of the trips (at least one if any), slowest first. */
  List<Trip> slowest(double share) {
    List<Trip> sorted = new ArrayList<>(all());
    sorted.sort(Comparator.comparingLong(Trip::totalMicros).reversed());
    int n = sorted.isEmpty() ? 0 : Math.max(1, (int) Math.ceil(sorted.size() * share));
    return sorted.subList(0, n);
  }

  private static Histogram histogram() {
    return new Histogram(60_000_000L, 3);
  }
}
