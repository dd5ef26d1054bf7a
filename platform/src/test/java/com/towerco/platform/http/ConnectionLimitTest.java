package com.towerco.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionLimitTest {
  @Test
  void capsConnectionsPerUserAndInTotalAndFreesAPlaceOnClose() {
    ConnectionLimit limit = new ConnectionLimit(2, 3);
    ConnectionLimit.Slot a1 = limit.acquire("a");
    limit.acquire("a");
    assertThatThrownBy(() -> limit.acquire("a")).isInstanceOf(ApiException.class)
        .hasMessageContaining("per user");
    ConnectionLimit.Slot b1 = limit.acquire("b");
    assertThatThrownBy(() -> limit.acquire("c")).hasMessageContaining("as many live streams");
    assertThat(limit.open()).isEqualTo(3);

    a1.close();
    a1.close(); // closing twice frees one place only
    assertThat(limit.open()).isEqualTo(2);
    limit.acquire("c");
    assertThatThrownBy(() -> limit.acquire("a")).hasMessageContaining("as many live streams");
    b1.close();
    limit.acquire("a");
  }
}
