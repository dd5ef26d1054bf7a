package com.towerco.aiops.detection;

/**
 * When a series' anomalous scores become an alarm, and when the alarm ends: an anomaly must
 * persist for {@code persist} consecutive scored points, unless one point scores at least
 * {@code extreme}; the alarm ends once {@code quiet} consecutive points score below
 * {@link Score#ANOMALOUS}. A series whose alarms keep coming ({@code dampAfter} alarms within
 * about {@code dampWindowMillis} of event time) is damped: it needs {@code extreme} scores to
 * alarm again until it has been quiet for a whole window. The same policy decides the flags
 * that {@code towerco detect} scores and the alerts the engine raises.
 */
public record AlarmPolicy(int persist, double extreme, int quiet, int dampAfter,
    long dampWindowMillis) {

  /** The default for any series: two points in a row, or one at 0.99; damped after 3 a day. */
  public static final AlarmPolicy DEFAULT = new AlarmPolicy(2, 0.99, 12, 3, 86_400_000L);

  public AlarmPolicy {
    if (persist < 1 || quiet < 1 || dampAfter < 1 || !(extreme > Score.ANOMALOUS)
        || dampWindowMillis <= 0) {
      throw new IllegalArgumentException("alarm policy needs persist, quiet and dampAfter >= 1,"
          + " extreme above " + Score.ANOMALOUS + " and a positive damping window");
    }
  }
}
