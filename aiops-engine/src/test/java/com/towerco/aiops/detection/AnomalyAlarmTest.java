package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When anomalous scores become an alarm: persistence, extremes, quiet, damping. */
class AnomalyAlarmTest {
  private static final long MINUTE = 60_000L;
  private static final AlarmPolicy POLICY = new AlarmPolicy(3, Duration.ofMinutes(2), 0.9, 2, 2,
      Duration.ofDays(1), 3);

  private static Score score(int minute, double score) {
    return new Score(minute * MINUTE, 1, score, 0, -1, 1, "test/residual");
  }

  private static List<Boolean> run(AnomalyAlarm alarm, int from, double... scores) {
    List<Boolean> on = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      on.add(alarm.update(score(from + i, scores[i])));
    }
    return on;
  }

  @Test
  void anAnomalyAlarmsOnlyOnceItHasPersistedForItsPointsAndItsTime() {
    AnomalyAlarm alarm = new AnomalyAlarm(POLICY);
    assertThat(run(alarm, 0, 0.6, 0.6, 0.1, 0.6, 0.6, 0.6, 0.6))
        .containsExactly(false, false, false, false, false, true, true);
  }

  @Test
  void anExtremeScoreAlarmsAtOnceAndQuietPointsEndIt() {
    AnomalyAlarm alarm = new AnomalyAlarm(POLICY);
    assertThat(run(alarm, 0, 0.1, 0.95, 0.2, 0.7, 0.2, 0.2, 0.2))
        .containsExactly(false, true, true, true, true, false, false);
  }

  @Test
  void learningAndMissingPointsChangeNothing() {
    AnomalyAlarm alarm = new AnomalyAlarm(POLICY);
    alarm.update(Score.learning(0, 1e9, "test"));
    alarm.update(Score.unknown(MINUTE, Double.NaN, "test"));
    assertThat(alarm.active()).isFalse();
  }

  @Test
  void aSeriesThatKeepsAlarmingIsDampedUntilItsAlarmsFade() {
    AnomalyAlarm alarm = new AnomalyAlarm(POLICY);
    run(alarm, 0, 0.95, 0.1, 0.1, 0.95, 0.1, 0.1);
    assertThat(alarm.damped()).isTrue();
    // Persistent but not extreme: a damped series does not alarm.
    assertThat(run(alarm, 10, 0.6, 0.6, 0.6, 0.6, 0.6)).doesNotContain(true);
    // Two days later its alarms have faded and a persistent anomaly alarms again.
    assertThat(run(alarm, 2 * 24 * 60, 0.6, 0.6, 0.6, 0.6)).contains(true);
    assertThat(alarm.damped()).isFalse();
  }

  @Test
  void aSeriesThatKeepsAlarmingEvenExtremelyIsSilencedUntilItsAlarmsFade() {
    AnomalyAlarm alarm = new AnomalyAlarm(POLICY);
    List<Boolean> on = run(alarm, 0, 0.95, 0.1, 0.1, 0.95, 0.1, 0.1, 0.95, 0.1, 0.1, 0.95, 0.1);
    int starts = 0;
    for (int i = 0; i < on.size(); i++) {
      starts += on.get(i) && (i == 0 || !on.get(i - 1)) ? 1 : 0;
    }
    assertThat(starts).as("three alarms, then silence").isEqualTo(3);
    assertThat(alarm.damped()).isTrue();
    assertThat(run(alarm, 3 * 24 * 60, 0.95)).containsExactly(true);
  }

  @Test
  void itsStateSurvivesASnapshot() {
    AnomalyAlarm alarm = new AnomalyAlarm(POLICY);
    run(alarm, 0, 0.6, 0.6);
    Snapshot.Writer w = new Snapshot.Writer("alarm", 1);
    alarm.write(w);
    AnomalyAlarm restored = new AnomalyAlarm(POLICY);
    restored.read(new Snapshot.Reader(w.toBytes(), "alarm", 1));
    assertThat(run(restored, 2, 0.6)).containsExactly(true);
  }
}
