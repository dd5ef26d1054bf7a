package com.towerco.aiops.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which owners' learned detector state (per site, per KPI owner) to write to the changelogged
 * store in a save round, oldest change first, at a bounded rate: enough per round that every
 * owner is saved once per {@code interval}, and at least {@link #MIN_PER_ROUND}. A site's
 * learned state is tens of kilobytes (a detector snapshot per telemetry metric); written for
 * every site that changed every few seconds it was O(fleet) bytes per round (at 2,500 sites
 * ~16 MB/s of changelog), and the stream thread sat blocked on the producer's full buffer
 * instead of processing events (ADR-022). A crash loses at most about {@code interval} of
 * learning, never an alert: alerts are written as they change.
 */
final class LearnedStateSaves<K> {
  /** Small fleets (tests, demos) are saved whole every round, as before. */
  static final int MIN_PER_ROUND = 50;

  private final double shareOfAllPerRound;
  private final Set<K> pending = new LinkedHashSet<>();

  LearnedStateSaves(Duration round, Duration interval) {
    // an interval shorter than a round saves everything every round
    this.shareOfAllPerRound = Math.min(1.0,
        (double) round.toMillis() / Math.max(1, interval.toMillis()));
  }

  /** The owner's state changed; it keeps its place if it was already waiting. */
  void changed(K owner) {
    pending.add(owner);
  }

  /** The owners to save this round (removed from the waiting ones), of {@code known} in all. */
  List<K> next(int known) {
    int quota = Math.max(MIN_PER_ROUND, (int) Math.ceil(known * shareOfAllPerRound));
    List<K> due = new ArrayList<>(Math.min(quota, pending.size()));
    Iterator<K> it = pending.iterator();
    while (it.hasNext() && due.size() < quota) {
      due.add(it.next());
      it.remove();
    }
    return due;
  }

  /** Every waiting owner (on close), removed from the waiting ones. */
  List<K> all() {
    List<K> due = new ArrayList<>(pending);
    pending.clear();
    return due;
  }

  int waiting() {
    return pending.size();
  }
}
