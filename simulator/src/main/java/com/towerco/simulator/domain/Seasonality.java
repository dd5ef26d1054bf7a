package com.towerco.simulator.domain;

/**
 * The daily and weekly rhythms in the data, from event time and the region's UTC offset: radio
 * traffic (quiet before dawn, busiest in the evening, a little lower at weekends), sunlight for
 * solar output, and the afternoon temperature peak. These give anomaly detectors real
 * seasonality to learn.
 */
final class Seasonality {
  /** Relative traffic per local hour 00..23 (1.0 = evening peak). */
  private static final double[] TRAFFIC = {0.62, 0.58, 0.55, 0.53, 0.53, 0.56, 0.64, 0.74,
      0.82, 0.87, 0.90, 0.92, 0.93, 0.92, 0.91, 0.91, 0.92, 0.94, 0.97, 1.00, 1.00, 0.95, 0.85,
      0.72};
  private static final double WEEKEND_FACTOR = 0.92;
  private static final long DAY_MILLIS = 86_400_000L;

  private Seasonality() {}

  static double localHour(long epochMillis, int utcOffsetHours) {
    long local = epochMillis + utcOffsetHours * 3_600_000L;
    return Math.floorMod(local, DAY_MILLIS) / 3_600_000.0;
  }

  /** Saturday or Sunday in local time (1970-01-01 was a Thursday). */
  static boolean weekend(long epochMillis, int utcOffsetHours) {
    long days = Math.floorDiv(epochMillis + utcOffsetHours * 3_600_000L, DAY_MILLIS);
    int dayOfWeek = Math.floorMod(days + 3, 7); // 0 = Monday
    return dayOfWeek >= 5;
  }

  static double traffic(double hour, boolean weekend) {
    int h = (int) hour;
    double frac = hour - h;
    double value = TRAFFIC[h] + (TRAFFIC[(h + 1) % 24] - TRAFFIC[h]) * frac;
    return weekend ? value * WEEKEND_FACTOR : value;
  }

  /** Clear-sky solar fraction: 0 at night, 1 at local noon. */
  static double sunlight(double hour) {
    return hour <= 6 || hour >= 18 ? 0 : Math.sin(Math.PI * (hour - 6) / 12);
  }

  /** -1 before dawn, +1 at 15:00 local. */
  static double temperatureShape(double hour) {
    return Math.cos(2 * Math.PI * (hour - 15) / 24);
  }
}
