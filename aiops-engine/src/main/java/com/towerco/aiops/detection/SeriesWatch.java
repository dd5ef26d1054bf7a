package com.towerco.aiops.detection;

/**
 * One series under watch, as the engine keeps it per (site, metric) and per KPI: its detector and
 * its {@link AnomalyAlarm}, fed together and snapshotted together (bounded: the detector's state
 * plus a few dozen bytes). A snapshot that can no longer be read (another detector, an older
 * format after an upgrade) starts the series afresh: it is learned again, never a failure.
 */
public final class SeriesWatch {
  private static final String NAME = "watch";
  private static final int VERSION = 1;

  private final Detector detector;
  private final AnomalyAlarm alarm;

  /** What one point did: its score, whether the alarm is on, and whether it just switched. */
  public record Verdict(Score score, boolean alarm, boolean changed, boolean damped) {}

  public SeriesWatch(Detector detector, AlarmPolicy policy) {
    this.detector = detector;
    this.alarm = new AnomalyAlarm(policy);
  }

  /** The watch whose {@link #snapshot()} gave {@code snapshot}, or a fresh one. */
  public static SeriesWatch restore(DetectorFactory factory, AlarmPolicy policy,
      byte[] snapshot) {
    try {
      Snapshot.Reader r = new Snapshot.Reader(snapshot, NAME, VERSION);
      SeriesWatch watch = new SeriesWatch(factory.restore(r.getBytes()), policy);
      watch.alarm.read(r);
      return watch;
    } catch (IllegalArgumentException unreadable) {
      return new SeriesWatch(factory.create(), policy);
    }
  }

  public Verdict observe(long timeMillis, double value) {
    Score score = detector.observe(timeMillis, value);
    boolean on = alarm.update(score);
    return new Verdict(score, on, alarm.changed(), alarm.damped());
  }

  public byte[] snapshot() {
    byte[] state = detector.snapshot();
    // the header, the state's length and the alarm's few dozen bytes around the state
    Snapshot.Writer w = new Snapshot.Writer(NAME, VERSION, state.length + 96).putBytes(state);
    alarm.write(w);
    return w.toBytes();
  }
}
