package com.towerco.dashboard.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Events per second of each service over a trailing window, from samples of its running totals
 * taken at known times. The rate is the difference of the newest sample and the oldest one
 * still inside the window, so a counter read at irregular moments still gives a fair rate.
 */
public final class Throughput {
  /** Running totals of one service at one moment. */
  public record Sample(long atMillis, long in, long out) {}

  /** The rates over the window (0 until two samples exist). */
  public record Rate(double inPerSecond, double outPerSecond, double overSeconds) {}

  private final long windowMillis;
  private final Map<String, Deque<Sample>> samples = new HashMap<>();

  public Throughput(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  public synchronized void record(String service, Sample sample) {
    Deque<Sample> series = samples.computeIfAbsent(service, s -> new ArrayDeque<>());
    if (!series.isEmpty() && series.peekLast().atMillis() >= sample.atMillis()) {
      return;
    }
    series.addLast(sample);
    // keep one sample at or before the window's start, so the rate spans the whole window
    long start = sample.atMillis() - windowMillis;
    while (series.size() > 2 && second(series).atMillis() <= start) {
      series.removeFirst();
    }
  }

  private static Sample second(Deque<Sample> series) {
    var it = series.iterator();
    it.next();
    return it.next();
  }

  public synchronized Rate rate(String service) {
    Deque<Sample> series = samples.get(service);
    if (series == null || series.size() < 2) {
      return new Rate(0, 0, 0);
    }
    Sample first = series.peekFirst();
    Sample last = series.peekLast();
    double seconds = (last.atMillis() - first.atMillis()) / 1000.0;
    return new Rate(Math.max(0, last.in() - first.in()) / seconds,
        Math.max(0, last.out() - first.out()) / seconds, seconds);
  }
}
