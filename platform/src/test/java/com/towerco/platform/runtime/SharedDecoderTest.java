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

  @Test
  void readersFarApartCacheOnlyTheSampleAndReadersTogetherShareEverything() {
    String topic = "towerco.sites.S1.events";
    byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);
    long round = (long) SharedDecoder.JUDGED_LOOKUPS * SharedDecoder.SAMPLE_EVERY * 2;
    // two readers 1,000 records apart, far more than the 64 slots: they never meet
    for (long offset = 0; offset < round; offset++) {
      decodeRefused(topic, offset, value);
      if (offset >= 1_000) {
        decodeRefused(topic, offset - 1_000, value);
      }
    }
    assertThat(decoder.sharingAll()).isFalse();

    // now side by side: only the sampled records (one in eight) are found again at first
    long before = decoder.hits();
    for (long offset = round; offset < round + 800; offset++) {
      decodeRefused(topic, offset, value);
      decodeRefused(topic, offset, value);
    }
    double found = (decoder.hits() - before) / 800.0;
    assertThat(found).isBetween(0.5 / SharedDecoder.SAMPLE_EVERY,
        2.0 / SharedDecoder.SAMPLE_EVERY);

    // the sample sees every second lookup hit, so every record is cached again
    for (long offset = round + 800; offset < 2 * round; offset++) {
      decodeRefused(topic, offset, value);
      decodeRefused(topic, offset, value);
    }
    assertThat(decoder.sharingAll()).isTrue();
    before = decoder.hits();
    for (long offset = 2 * round; offset < 2 * round + 800; offset++) {
      decodeRefused(topic, offset, value);
      decodeRefused(topic, offset, value);
    }
    assertThat(decoder.hits() - before).isEqualTo(800);
  }

  private void decodeRefused(String topic, long offset, byte[] value) {
    assertThatThrownBy(() -> decoder.decode(topic, 0, offset, value))
        .isInstanceOf(InvalidEventException.class);
  }
}
