package com.towerco.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpdateLogTest {
  private static Update update(int n) {
    return new Update.KpiChanged(new KpiWindow(null, "S" + n, null, "r", Fixtures.T0,
        Fixtures.T0, 1, java.util.Map.of()));
  }

  @Test
  void resumesRightAfterTheLastUpdateAReaderSaw() {
    UpdateLog log = new UpdateLog(10, 100);
    for (int i = 0; i < 5; i++) {
      log.append(update(i));
    }
    UpdateLog.Batch batch = log.after(102);
    assertThat(batch.gap()).isFalse();
    assertThat(batch.entries()).extracting(UpdateLog.Entry::seq).containsExactly(103L, 104L);
    assertThat(log.after(104).entries()).isEmpty();
  }

  @Test
  void tellsAReaderThatFellBehindTheBufferToReload() {
    UpdateLog log = new UpdateLog(3, 1);
    for (int i = 0; i < 6; i++) {
      log.append(update(i));
    }
    assertThat(log.after(2).gap()).isTrue();
    assertThat(log.after(3).entries()).extracting(UpdateLog.Entry::seq)
        .containsExactly(4L, 5L, 6L);
  }

  @Test
  void tellsAReaderFromBeforeARestartOrFromTheFutureToReload() {
    UpdateLog log = new UpdateLog(10, 1_000);
    log.append(update(1));
    assertThat(log.after(5).gap()).isTrue();
    assertThat(log.after(5_000).gap()).isTrue();
    assertThat(log.after(999).gap()).isFalse();
  }

  @Test
  void aWaitingReaderWakesUpForANewUpdate() throws Exception {
    UpdateLog log = new UpdateLog(10, 1);
    Thread writer = new Thread(() -> log.append(update(1)));
    writer.start();
    UpdateLog.Batch batch = log.await(0, 5_000);
    writer.join();
    if (batch.entries().isEmpty()) {
      batch = log.after(0); // the writer may have appended before the wait began
    }
    assertThat(batch.entries()).hasSize(1);
  }
}
