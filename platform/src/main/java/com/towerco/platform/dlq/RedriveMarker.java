package com.towerco.platform.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.kafka.DeadLetters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The record that says a dead letter was re-driven: written to {@code towerco.dlq} in the same
 * transaction as the re-driven record, keyed {@code redrive:ID}, with header
 * {@value #REDRIVE_OF}. It is not a dead letter (no {@code dlq.reason}); readers use it to
 * show a letter as re-driven and to refuse a second re-drive.
 */
final class RedriveMarker {
  /** On a marker: the id of the dead letter it re-drove. */
  static final String REDRIVE_OF = "dlq.redrive-of";

  private RedriveMarker() {}

  static ProducerRecord<String, byte[]> record(String dlqTopic, DeadLetterLog.Redrive redrive) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dead_letter", redrive.deadLetterId());
    body.put("topic", redrive.topic());
    body.put("partition", redrive.partition());
    body.put("offset", redrive.offset());
    body.put("redriven_at", redrive.at().toString());
    body.put("replaced_value", redrive.replacedValue());
    try {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlqTopic,
          "redrive:" + redrive.deadLetterId(), Json.mapper().writeValueAsBytes(body));
      record.headers().add(REDRIVE_OF, redrive.deadLetterId().getBytes(StandardCharsets.UTF_8));
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The re-drive a marker records, or null if the record is no marker. */
  static DeadLetterLog.Redrive parse(ConsumerRecord<String, byte[]> record) {
    String of = DeadLetters.header(record.headers(), REDRIVE_OF);
    if (of == null || record.value() == null) {
      return null;
    }
    try {
      JsonNode body = Json.mapper().readTree(record.value());
      return new DeadLetterLog.Redrive(of, body.path("topic").asText(),
          body.path("partition").asInt(), body.path("offset").asLong(),
          Instant.parse(body.path("redriven_at").asText()),
          body.path("replaced_value").asBoolean());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
