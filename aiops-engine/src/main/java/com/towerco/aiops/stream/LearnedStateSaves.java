package com.towerco.aiops.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which owners' learned detector state (per site, per KPI owner) to write to the changelogged
 * store in a save round, oldest change first, paced so that each owner is saved about once per
 * {@code interval} and no more: every round earns {@code known x round / interval} saves, the
 * fraction carried to the next round. A site's learned state is tens of kilobytes (a detector
 * snapshot per telemetry metric); written for every site that changed every few seconds it was
 * O(fleet) bytes per round (at 2,500 sites ~16 MB/s of changelog), and the stream thread sat
 * blocked on the producer's full buffer instead of processing events (ADR-022).
 *
 * <p>The pace is per instance, i.e. per stream task, and adds up to the fleet's: a fleet spread
 * over many tasks is saved at the same rate as one task holding it. A floor of 50 saves per
 * round per task, as before ADR-046, saved every fleet of up to 50 sites per task whole every
 * round (the bench's 100 sites on 4 site tasks: ~5 MB every 5 s instead of once per 5 min), all
 * tasks in the same pass of the stream thread. A crash loses at most about {@code interval} of
 * learning, never an alert: alerts are written as they change.
 */
final class LearnedStateSaves<K> {
  private final long roundMillis;
  private final long intervalMillis;
  private final Set<K> pending = new LinkedHashSet<>();
  /** Saves earned and not yet spent, in owner-milliseconds (one save costs the interval). */
  private long earned;

  LearnedStateSaves(Duration round, Duration interval) {
    this.roundMillis = Math.max(1, round.toMillis());
    // an interval no longer than a round earns a save of every owner every round
    this.intervalMillis = Math.max(1, interval.toMillis());
  }

  /** The owner's state changed; it keeps its place if it was already waiting. */
  void changed(K owner) {
    pending.add(owner);
  }

  /** The owners to save this round (removed from the waiting ones), of {@code known} in all. */
  List<K> next(int known) {
    long round = (long) known * roundMillis;
    earned += round;
    long quota = earned / intervalMillis;
    List<K> due = new ArrayList<>((int) Math.min(quota, pending.size()));
    Iterator<K> it = pending.iterator();
    while (it.hasNext() && due.size() < quota) {
      due.add(it.next());
      it.remove();
    }
    earned -= due.size() * intervalMillis;
    // Saves not spent (nothing waiting) are not saved up beyond one round's, or one save: a
    // burst of changes after a quiet spell is paced like any other.
    earned = Math.min(earned, Math.max(round, intervalMillis));
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
