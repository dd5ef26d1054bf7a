package com.towerco.platform.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * p50 and p99 of one latency histogram over the last minute, for the health view, computed the
 * way Prometheus' {@code histogram_quantile(q, rate(..._bucket[1m]))} computes them: from the
 * difference of the histogram's cumulative bucket counts between now and a sample taken at least
 * {@link #WINDOW_MILLIS} ago, interpolated linearly within the bucket the rank falls in. Samples
 * are taken when the quantiles are read (kept at most one per {@link #SAMPLE_MILLIS}); until a
 * sample is a minute old, the window is everything since the oldest sample, or since the start.
 * A rank beyond the last bound reports the last bound (60 s), as Prometheus does. The window's
 * total is the snapshot's last cumulative bucket plus the records counted beyond the last bound,
 * never {@code Timer.count()}: that is read apart from the buckets, so a record landing between
 * the two reads would put the rank past every bucket and report 60 s.
 */
public final class LatencyWindow {
  static final long WINDOW_MILLIS = 60_000;
  static final long SAMPLE_MILLIS = 5_000;

  /** One input's latency quantiles, in seconds, over {@code total} records. */
  public record Quantiles(String input, long total, double p50Seconds, double p99Seconds) {}

  private record Sample(long atMillis, double[] bounds, long[] cumulative, long count) {}

  private final String input;
  private final Timer timer;
  private final LongAdder beyondLastBound;
  private final Deque<Sample> samples = new ArrayDeque<>();

  LatencyWindow(String input, Timer timer, LongAdder beyondLastBound) {
    this.input = input;
    this.timer = timer;
    this.beyondLastBound = beyondLastBound;
  }

  synchronized Quantiles quantiles(long nowMillis) {
    Sample now = sample(nowMillis);
    while (samples.size() > 1 && nowMillis - secondOldest().atMillis() >= WINDOW_MILLIS) {
      samples.removeFirst();
    }
    Sample base = samples.isEmpty() ? null : samples.peekFirst();
    if (samples.isEmpty() || nowMillis - samples.peekLast().atMillis() >= SAMPLE_MILLIS) {
      samples.addLast(now);
    }
    if (base == null || base.atMillis() == nowMillis) {
      base = null;
    }
    long total = now.count() - (base == null ? 0 : base.count());
    return new Quantiles(input, total, quantile(0.5, now, base), quantile(0.99, now, base));
  }

  private Sample secondOldest() {
    var it = samples.iterator();
    it.next();
    return it.next();
  }

  private Sample sample(long nowMillis) {
    // Read before the buckets: a record beyond the last bound counted after this read is in
    // neither, so the total never exceeds what the buckets and this count hold together.
    long beyond = beyondLastBound.sum();
    CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
    int finite = 0;
    for (CountAtBucket b : buckets) {
      if (!Double.isInfinite(b.bucket())) {
        finite++;
      }
    }
    double[] bounds = new double[finite];
    long[] cumulative = new long[finite];
    int i = 0;
    for (CountAtBucket b : buckets) {
      if (!Double.isInfinite(b.bucket())) {
        bounds[i] = b.bucket(TimeUnit.SECONDS);
        cumulative[i] = (long) b.count();
        i++;
      }
    }
    long inBuckets = finite == 0 ? 0 : cumulative[finite - 1];
    return new Sample(nowMillis, bounds, cumulative, inBuckets + beyond);
  }

  /** Prometheus' histogram_quantile on the counts between base (null: zero) and now. */
  static double quantile(double q, Sample now, Sample base) {
    long total = now.count() - (base == null ? 0 : base.count());
    if (total <= 0) {
      return 0;
    }
    double rank = q * total;
    double lower = 0;
    long below = 0;
    for (int i = 0; i < now.bounds().length; i++) {
      long cumulative = now.cumulative()[i] - (base == null ? 0 : base.cumulative()[i]);
      if (cumulative >= rank && cumulative > below) {
        double upper = now.bounds()[i];
        return lower + (upper - lower) * (rank - below) / (cumulative - below);
      }
      lower = now.bounds()[i];
      below = cumulative;
    }
    return lower;
  }
}
