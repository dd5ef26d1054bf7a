package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {
  @Test
  void tellsFailuresWorthRetryingFromBugsAndFromKafkaItself() {
    assertThat(TransientFailure.isTransient(new TransientFailure("db blinked"))).isTrue();
    assertThat(TransientFailure.isTransient(new IllegalStateException("wrapped",
        new SQLTransientConnectionException("connection reset")))).isTrue();
    assertThat(TransientFailure.isTransient(new UncheckedIOException(
        new java.io.IOException("broken pipe")))).isTrue();
    assertThat(TransientFailure.isTransient(new IllegalArgumentException("a bug"))).isFalse();
    assertThat(TransientFailure.isTransient(new NullPointerException())).isFalse();

    assertThat(TransientFailure.isBroker(new TimeoutException("no leader"))).isTrue();
    assertThat(TransientFailure.isBroker(new IllegalStateException("provisioning",
        new KafkaException("cannot create topic")))).isTrue();
    assertThat(TransientFailure.isBroker(new IllegalArgumentException("a bug"))).isFalse();
  }
}
