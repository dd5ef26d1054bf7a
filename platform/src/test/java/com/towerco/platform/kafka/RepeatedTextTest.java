package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.RepeatedText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class RepeatedTextTest {
  @Test
  void answersWhatDecodingAnswersForManyValuesThatCollideInASmallTable() {
    RepeatedText text = new RepeatedText(4);
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String value = random.nextInt(10) == 0 ? "é-SITE-" + random.nextInt(50)
          : "SITE-" + random.nextInt(50);
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      assertThat(text.text(bytes)).isEqualTo(value);
    }
    assertThat(text.text((byte[]) null)).isNull();
    assertThat(text.text(new byte[0])).isEmpty();
  }

  @Test
  void aRepeatedValueIsTheSameStringAndKeepsItsTextWhenTheCallersBytesChange() {
    RepeatedText text = new RepeatedText(64);
    byte[] bytes = "site.telemetry".getBytes(StandardCharsets.UTF_8);
    String first = text.text(bytes);
    assertThat(text.text("site.telemetry".getBytes(StandardCharsets.UTF_8))).isSameAs(first);

    bytes[0] = 'X';
    assertThat(text.text(bytes)).isEqualTo("Xite.telemetry");
    assertThat(text.text("site.telemetry".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("site.telemetry");
  }

  @Test
  void readsAKeyInsideALargerBufferAsKafkasStringDeserializerDoes() {
    byte[] record = "....SITE-0042;rest".getBytes(StandardCharsets.UTF_8);
    ByteBuffer key = ByteBuffer.wrap(record, 4, 9).slice();
    try (RepeatedTextDeserializer repeated = new RepeatedTextDeserializer();
        StringDeserializer kafka = new StringDeserializer()) {
      assertThat(repeated.deserialize("t", null, key))
          .isEqualTo(kafka.deserialize("t", null, key.duplicate())).isEqualTo("SITE-0042");
      assertThat(key.remaining()).isEqualTo(9);
      ByteBuffer direct = ByteBuffer.allocateDirect(9).put(key.duplicate()).flip();
      assertThat(repeated.deserialize("t", null, direct)).isEqualTo("SITE-0042");
      assertThat(repeated.deserialize("t", null, (ByteBuffer) null)).isNull();
      assertThat(repeated.deserialize("t", (byte[]) null)).isNull();
      assertThat(repeated.deserialize("t", "SITE-7".getBytes(StandardCharsets.UTF_8)))
          .isEqualTo("SITE-7");
    }
  }
}
