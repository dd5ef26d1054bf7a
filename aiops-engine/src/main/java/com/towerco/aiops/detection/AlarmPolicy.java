package com.towerco.aiops.detection;

import java.time.Duration;

/**
 * When a series' anomalous scores become an alarm, and when the alarm ends: an anomaly must
 * persist for {@code persist} consecutive scored points and for {@code persistFor} of event
 * time, unless one point scores at least {@code extreme}; the alarm ends once {@code quiet}
 * consecutive points score below {@link Score#ANOMALOUS}. A series whose alarms keep coming
 * ({@code dampAfter} alarms within about {@code dampWindow} of event time) is damped: only an
 * extreme score alarms it again, until its alarms have faded; after {@code silenceAfter} alarms
 * it is silenced (no alarm at all, only the damped-series count shows it) until they fade. The
 * same policy decides the flags {@code towerco detect} scores and the alerts the engine raises.
 */
public record AlarmPolicy(int persist, Duration persistFor, double extreme, int quiet,
    int dampAfter, Duration dampWindow, int silenceAfter) {

  /** For {@code silenceAfter}: a series is never silenced. */
  public static final int NEVER = Integer.MAX_VALUE;

  /**
   * The default for any series (what {@code towerco detect} scores): one anomalous point (a
   * one-in-10^3.5 surprise) alarms, ends after 30 quiet points; damped after 1 alarm a day,
   * then only a score of 0.9 alarms.
   */
  public static final AlarmPolicy DEFAULT = new AlarmPolicy(1, Duration.ZERO, 0.9, 30, 1,
      Duration.ofDays(1), NEVER);

  public AlarmPolicy {
    if (persist < 1 || quiet < 1 || dampAfter < 1 || silenceAfter < dampAfter
        || !(extreme >= Score.ANOMALOUS)
        || persistFor.isNegative() || dampWindow.isNegative() || dampWindow.isZero()) {
      throw new IllegalArgumentException("alarm policy needs persist, quiet and dampAfter >= 1,"
          + " silenceAfter >= dampAfter, extreme at least " + Score.ANOMALOUS
          + ", persistFor >= 0 and a damping window");
    }
  }
}
