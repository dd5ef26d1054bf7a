package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class AlertTripsTest {
  @Test
  void aTripIsCutAtTheHopsSeenForItsAlarm() {
    AlertTrips trips = new AlertTrips();
    // created 0, written 5 ms, read 400 ms; correlation input seen at 30 ms, alert at 380 ms
    trips.add(new AlertTrips.Trip("alarm-1", 0, 5_000_000, 400_000_000, 0, 0));
    trips.add(new AlertTrips.Trip("alarm-2", 0, 2_000_000, 60_000_000, 0, 0));
    Map<String, long[]> seen = Map.of("alarm-1", new long[] {30_000_000, 380_000_000});
    trips.resolve(alarm -> seen.getOrDefault(alarm, new long[2]));

    Histogram[] hops = trips.hops();
    // only the trip whose every hop was seen is cut
    assertThat(hops[1].getTotalCount()).isEqualTo(1);
    assertThat(hops[0].getMaxValue()).isBetween(4_990L, 5_010L);
    assertThat(hops[1].getMaxValue()).isBetween(24_950L, 25_050L);
    assertThat(hops[2].getMaxValue()).isBetween(349_000L, 351_000L);
    assertThat(hops[3].getMaxValue()).isBetween(19_950L, 20_050L);
    assertThat(trips.total().getTotalCount()).isEqualTo(2);
  }

  @Test
  void aTripWithAHopSeenOutOfOrderIsNotCut() {
    AlertTrips trips = new AlertTrips();
    trips.add(new AlertTrips.Trip("alarm-1", 0, 5_000_000, 400_000_000, 0, 0));
    // the alert seen before its correlation input: a clock or matching error, not a hop
    trips.resolve(alarm -> new long[] {300_000_000, 200_000_000});
    assertThat(trips.hops()[1].getTotalCount()).isZero();
  }
}
