package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.AlertFact;
import java.time.Instant;

/**
 * What the engine's processors hand on: a record for an output topic, or an input for the
 * correlator (an alert, or the passing of event time in a region).
 */
sealed interface Emission {
  /**
   * A finished record for {@code topic} (alerts, incidents, dead letters); {@code headers} are
   * an event's routing headers ({@link com.towerco.platform.kafka.EventHeaders}), or null for
   * a record that keeps the headers it arrived with (a dead letter).
   */
  record Outbound(String topic, String key, byte[] value,
      org.apache.kafka.common.header.Headers headers) implements Emission {
    Outbound(String topic, String key, byte[] value) {
      this(topic, key, value, null);
    }
  }

  /** The record to forward for {@code emission}: an event's with its routing headers. */
  static org.apache.kafka.streams.processor.api.Record<String, Emission> record(String key,
      Emission emission, long timestamp) {
    return emission instanceof Outbound out && out.headers() != null
        ? new org.apache.kafka.streams.processor.api.Record<>(key, emission, timestamp,
            out.headers())
        : new org.apache.kafka.streams.processor.api.Record<>(key, emission, timestamp);
  }

  /** For the region's correlator: an alert fired or resolved, or only time moved on. */
  record ForCorrelation(String region, CorrelationInput input) implements Emission {}

  /** The correlator's input as it crosses the repartition topic (JSON). */
  record CorrelationInput(AlertFact alert, Instant watermark) {
    static CorrelationInput alert(AlertFact fact) {
      return new CorrelationInput(fact, null);
    }

    static CorrelationInput watermark(Instant time) {
      return new CorrelationInput(null, time);
    }

    Instant time() {
      return alert != null ? alert.time() : watermark;
    }
  }
}
