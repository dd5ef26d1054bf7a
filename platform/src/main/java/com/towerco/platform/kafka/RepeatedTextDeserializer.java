package com.towerco.platform.kafka;

import com.towerco.events.RepeatedText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka's {@code StringDeserializer} (UTF-8) for record keys, without a new {@code String} per
 * record when the key repeats: a site topic's keys are its sites' ids (ADR-055). Reads the key
 * where the consumer has it, without the copy the {@code byte[]} path makes first.
 */
final class RepeatedTextDeserializer implements Deserializer<String> {
  /** A consumer's keys: one reader's partitions hold a few hundred sites at most in a batch. */
  private static final int SLOTS = 1024;

  private final RepeatedText text = new RepeatedText(SLOTS);

  @Override
  public String deserialize(String topic, byte[] data) {
    return text.text(data);
  }

  @Override
  public String deserialize(String topic, Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    if (data.hasArray()) {
      return text.text(data.array(), data.arrayOffset() + data.position(), data.remaining());
    }
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
