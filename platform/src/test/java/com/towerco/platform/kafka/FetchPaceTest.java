package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchPaceTest {
  @Test
  void theAlertPathPollsAgainAtOnce() {
    assertThat(FetchPace.EAGER.paced()).isFalse();
    assertThat(FetchPace.EAGER.waitMillis(1_000, 3, 2_000, 1_010)).isZero();
    assertThat(FetchPace.EAGER.probeInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(FetchPace.EAGER.metadataMaxAge())
        .isEqualTo(Duration.ofMillis(KafkaClients.METADATA_MAX_AGE_MS));
  }

  @Test
  void offThePathAReaderThatIsCaughtUpWaitsOutItsRound() {
    FetchPace pace = FetchPace.BACKGROUND;
    assertThat(pace.paced()).isTrue();
    // ADR-025: one poll a second, end offsets every 5 s, new topics within 15 s
    assertThat(pace.round()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pace.probeInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(pace.metadataMaxAge()).isEqualTo(Duration.ofSeconds(15));
    assertThat(pace.waitMillis(1_000, 3, 2_000, 1_010)).isEqualTo(990);
    assertThat(pace.waitMillis(1_000, 0, 2_000, 1_700)).isEqualTo(300);
    assertThat(pace.waitMillis(1_000, 0, 2_000, 2_500)).isZero();
  }

  @Test
  void aReaderWithABacklogReadsOnAtOnce() {
    assertThat(FetchPace.BACKGROUND.waitMillis(1_000, 2_000, 2_000, 1_010)).isZero();
    assertThat(FetchPace.BACKGROUND.waitMillis(1_000, true, 1_010))
        .as("behind after a poll short of max.poll.records (a fetch bounded in bytes)")
        .isZero();
    assertThat(FetchPace.BACKGROUND.waitMillis(1_000, false, 1_010)).isEqualTo(990);
  }

  @Test
  void refusesPacesThatNeverAskTheBroker() {
    assertThatThrownBy(() -> new FetchPace(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FetchPace(Duration.ofSeconds(-1), Duration.ofSeconds(1),
        Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
