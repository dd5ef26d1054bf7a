package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedDecoderTest {
  private final SharedDecoder decoder = new SharedDecoder(new EventCodec(), 64);

  @Test
  void anEmptyValueIsAMalformedEventNotACrash() {
    // a record with an empty value and no probe header (any client can write one) must be
    // dead-lettered like any other bad input; it used to fail the whole batch for ever
    assertThatThrownBy(() -> decoder.decode("towerco.incidents.towerco.commands", 0, 7,
        new byte[0]))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON));
  }

  @Test
  void aMalformedValueIsRejectedTheSameWayWhenAnotherConsumerAsksAgain() {
    byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> decoder.decode("towerco.sites.S1.events", 1, 3, value))
          .isInstanceOfSatisfying(InvalidEventException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON));
    }
    assertThat(decoder.hitRatio()).isEqualTo(0.5);
  }
}
