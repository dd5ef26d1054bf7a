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
  /** One alert: nanosecond clock readings of this process; {@code written} 0 if never acked. */
  record Trip(long created, long written, long read) {
    long totalMicros() {
      return (read - created) / 1_000;
    }
  }

  /** The clock of {@link Trip} as wall-clock epoch nanoseconds (for JFR's timestamps). */
  static final long WALL_MINUS_NANO = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

  private final List<Trip> trips = new ArrayList<>();

  synchronized void add(Trip trip) {
    trips.add(trip);
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
