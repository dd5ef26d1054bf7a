package com.towerco.aiops.detection.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * One series scored by events, exactly as {@code corpora/README.md} describes: every maximal run
 * of labelled rows is a range, caught by a flag inside it or shortly before it (an early margin
 * of 10 % of its length, at least one row, never reaching back to the previous range or before
 * the first scored row); every maximal run of flagged rows that touches no range's window is one
 * false alarm, however long. Rows before {@code firstScored} are ignored for labels and flags
 * alike.
 *
 * @param detected    ranges caught (true positives)
 * @param missed      ranges not caught (false negatives)
 * @param falseAlarms flag events touching no window (false positives)
 * @param scoredRows  rows from {@code firstScored} on
 * @param flaggedRows flagged rows among them (for alarm coverage)
 * @param carriedIn   caught ranges whose window holds no event start: every flag in it belongs
 *                    to an event already on before the window began (rule 5's "touching"
 *                    credit; reported beside coverage, it changes no count above)
 * @param latencies   per caught range, first flag row minus the range's first row (negative:
 *                    early, within the margin)
 * @param latencyMillis the same latencies in event time
 */
public record EventScore(int detected, int missed, int falseAlarms, long scoredRows,
    long flaggedRows, int carriedIn, List<Integer> latencies, List<Long> latencyMillis) {

  public EventScore {
    latencies = List.copyOf(latencies);
    latencyMillis = List.copyOf(latencyMillis);
  }

  /** Scores {@code flags} against {@code labels} (same length) from row {@code firstScored}. */
  public static EventScore of(boolean[] labels, boolean[] flags, int firstScored, long[] times) {
    if (labels.length != flags.length || times.length != flags.length) {
      throw new IllegalArgumentException("labels, flags and times differ in length");
    }
    int n = labels.length;
    int s = Math.max(0, Math.min(firstScored, n));
    // 1-2: ranges and their acceptance windows; windowOf[i] = index of the window holding row i.
    List<int[]> ranges = new ArrayList<>();
    int[] windowOf = new int[n];
    java.util.Arrays.fill(windowOf, -1);
    int previousEnd = s - 1;
    for (int i = s; i < n; i++) {
      if (!labels[i] || i > s && labels[i - 1]) {
        continue;
      }
      int end = i;
      while (end + 1 < n && labels[end + 1]) {
        end++;
      }
      int margin = (int) Math.ceil(0.10 * (end - i + 1));
      int from = Math.max(i - margin, previousEnd + 1);
      for (int r = from; r <= end; r++) {
        windowOf[r] = ranges.size();
      }
      ranges.add(new int[] {i, end, -1, 0}); // first, last, first flag, events started inside
      previousEnd = end;
    }
    // 3-5: flag events; the first flag in a window catches its range.
    int falseAlarms = 0;
    long flagged = 0;
    for (int i = s; i < n; i++) {
      if (!flags[i]) {
        continue;
      }
      flagged++;
      int w = windowOf[i];
      if (w >= 0 && ranges.get(w)[2] < 0) {
        ranges.get(w)[2] = i;
      }
      boolean eventStart = i == s || !flags[i - 1];
      if (eventStart && w >= 0) {
        ranges.get(w)[3]++;
      }
      if (eventStart) {
        int end = i;
        boolean touches = false;
        while (end < n && flags[end]) {
          touches |= windowOf[end] >= 0;
          end++;
        }
        falseAlarms += touches ? 0 : 1;
      }
    }
    int detected = 0;
    int carriedIn = 0;
    List<Integer> latencies = new ArrayList<>();
    List<Long> latencyMillis = new ArrayList<>();
    for (int[] range : ranges) {
      if (range[2] >= 0) {
        detected++;
        carriedIn += range[3] == 0 ? 1 : 0;
        latencies.add(range[2] - range[0]);
        latencyMillis.add(times[range[2]] - times[range[0]]);
      }
    }
    return new EventScore(detected, ranges.size() - detected, falseAlarms, n - s, flagged,
        carriedIn, latencies, latencyMillis);
  }

  public int ranges() {
    return detected + missed;
  }
}
