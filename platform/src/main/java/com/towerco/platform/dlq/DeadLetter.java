package com.towerco.platform.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of {@code towerco.dlq} as an operator works with it: its id ({@code partition:offset}
 * in the dead-letter topic), why and by whom it was dead-lettered, where it came from, the
 * original key, value and headers, and the {@code event_id} when the value is readable JSON.
 */
public record DeadLetter(
    int partition,
    long offset,
    Instant recordTime,
    String key,
    byte[] value,
    Headers headers,
    String reason,
    String detail,
    String service,
    String originTopic,
    int originPartition,
    long originOffset,
    Instant failedAt,
    String eventId) {

  static DeadLetter of(ConsumerRecord<String, byte[]> record) {
    Headers h = record.headers();
    return new DeadLetter(record.partition(), record.offset(),
        Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), h,
        DeadLetters.header(h, DeadLetters.REASON), DeadLetters.header(h, DeadLetters.DETAIL),
        DeadLetters.header(h, DeadLetters.SERVICE), DeadLetters.header(h, DeadLetters.TOPIC),
        integer(DeadLetters.header(h, DeadLetters.PARTITION)),
        integer(DeadLetters.header(h, DeadLetters.OFFSET)),
        instant(DeadLetters.header(h, DeadLetters.FAILED_AT)), eventId(record.value()));
  }

  /** {@code partition:offset} in {@code towerco.dlq}: what {@code dlq show} and {@code replay} take. */
  public String id() {
    return partition + ":" + offset;
  }

  /** When it was dead-lettered (the header, else the record's time). */
  public Instant time() {
    return failedAt != null ? failedAt : recordTime;
  }

  /** {@code topic-partition@offset} of the original record. */
  public String origin() {
    return originTopic + "-" + originPartition + "@" + originOffset;
  }

  public String valueText() {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  /** Every header as text, in order (a repeated name keeps its last value). */
  public Map<String, String> headerMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (Header header : headers) {
      map.put(header.key(), header.value() == null ? null
          : new String(header.value(), StandardCharsets.UTF_8));
    }
    return map;
  }

  private static int integer(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String eventId(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode id = Json.mapper().readTree(value).path("event_id");
      return id.isTextual() ? id.asText() : null;
    } catch (Exception e) {
      return null;
    }
  }
}
