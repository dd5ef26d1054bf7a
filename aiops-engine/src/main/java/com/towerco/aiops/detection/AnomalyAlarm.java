package com.towerco.aiops.detection;

/**
 * The alarm state of one series under an {@link AlarmPolicy}, fed the detector's scores in
 * order: whether an alarm is on, and whether the last score switched it. Missing points and
 * points seen while learning change nothing. Small and snapshotted with the detector.
 */
public final class AnomalyAlarm {
  private final AlarmPolicy policy;
  private boolean active;
  private int pending;
  private long pendingSince;
  private int quietRun;
  private double recentAlarms;
  private long lastTime = Long.MIN_VALUE;
  private boolean damped;
  private boolean changed;
  private final Remembered fading = new Remembered();

  public AnomalyAlarm(AlarmPolicy policy) {
    this.policy = policy;
  }

  /** Takes the next score; true if the alarm is on after it. */
  public boolean update(Score score) {
    changed = false;
    if (score.learning() || Double.isNaN(score.expected())) {
      return active;
    }
    decay(score.timeMillis());
    if (active) {
      quietRun = score.anomalous() ? 0 : quietRun + 1;
      if (quietRun >= policy.quiet()) {
        active = false;
        changed = true;
      }
      return active;
    }
    pending = score.anomalous() ? pending + 1 : 0;
    if (pending == 1) {
      pendingSince = score.timeMillis();
    }
    boolean persisted = pending >= policy.persist()
        && score.timeMillis() - pendingSince >= policy.persistFor().toMillis();
    boolean extreme = score.score() >= policy.extreme();
    boolean silenced = recentAlarms >= policy.silenceAfter() - 0.5;
    if (!silenced && (extreme || !damped && persisted)) {
      active = true;
      changed = true;
      quietRun = 0;
      pending = 0;
      recentAlarms += 1;
      // About dampAfter alarms: the earlier ones have faded a little.
      damped = recentAlarms >= policy.dampAfter() - 0.5;
    }
    return active;
  }

  /** Alarms fade over the damping window; a quiet series is no longer damped. */
  private void decay(long time) {
    if (lastTime != Long.MIN_VALUE && time > lastTime) {
      if (recentAlarms != 0) { // nothing to fade on a series that has not alarmed lately
        recentAlarms *= fading.exp(-(double) (time - lastTime) / policy.dampWindow().toMillis());
      }
      if (recentAlarms < 0.5) {
        damped = false;
      }
    }
    lastTime = Math.max(lastTime, time);
  }

  public boolean active() {
    return active;
  }

  /** True if the last update switched the alarm on or off. */
  public boolean changed() {
    return changed;
  }

  /** True while the series alarms too often to be believed without an extreme score. */
  public boolean damped() {
    return damped;
  }

  public void write(Snapshot.Writer w) {
    w.putBoolean(active).putInt(pending).putLong(pendingSince).putInt(quietRun)
        .putDouble(recentAlarms)
        .putLong(lastTime).putBoolean(damped);
  }

  public void read(Snapshot.Reader r) {
    active = r.getBoolean();
    pending = r.getInt();
    pendingSince = r.getLong();
    quietRun = r.getInt();
    recentAlarms = r.getDouble();
    lastTime = r.getLong();
    damped = r.getBoolean();
  }
}
