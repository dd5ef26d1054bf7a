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

  /**
   * An alert's record as it crosses the repartition topic (JSON): the routing headers as a map,
   * turned back into the record to publish by {@link #outbound}.
   */
  record Notice(String topic, String key, byte[] value, java.util.Map<String, byte[]> headers) {
    static Notice of(Outbound out) {
      java.util.Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
      if (out.headers() != null) {
        out.headers().forEach(h -> headers.put(h.key(), h.value()));
      }
      return new Notice(out.topic(), out.key(), out.value(), headers);
    }

    Outbound outbound() {
      if (headers == null || headers.isEmpty()) {
        return new Outbound(topic, key, value);
      }
      var h = new org.apache.kafka.common.header.internals.RecordHeaders();
      headers.forEach(h::add);
      return new Outbound(topic, key, value, h);
    }
  }

  /** For the region's correlator: an alert fired or resolved, or only time moved on. */
  record ForCorrelation(String region, CorrelationInput input) implements Emission {}

  /**
   * The correlator's input as it crosses the repartition topic (JSON): an alert change with the
   * records that notify it ({@code notices}: published unless its problem makes it evidence
   * only; none when an alert at its site inhibited it, {@code inhibitedBy}), or a watermark.
   * {@code source}: the upstream task that sent it (its event time is one of the region's
   * {@link com.towerco.aiops.correlation.SourceClock} sources); {@link #UNKNOWN_SOURCE} for
   * inputs written before sources were named. {@code windowed}: from KPI windows, a secondary
   * source (it trails the site events by a window by design).
   */
  record CorrelationInput(AlertFact alert, Instant watermark, java.util.List<Notice> notices,
      String inhibitedBy, String source, boolean windowed) {
    static final String UNKNOWN_SOURCE = "unknown";

    public CorrelationInput {
      notices = notices == null ? java.util.List.of() : java.util.List.copyOf(notices);
      source = source == null ? UNKNOWN_SOURCE : source;
    }

    static CorrelationInput alert(AlertFact fact, String source) {
      return new CorrelationInput(fact, null, java.util.List.of(), null, source, false);
    }

    static CorrelationInput alert(AlertFact fact, java.util.List<Outbound> records,
        String inhibitedBy, String source) {
      return new CorrelationInput(fact, null, records.stream().map(Notice::of).toList(),
          inhibitedBy, source, false);
    }

    static CorrelationInput watermark(Instant time, String source) {
      return new CorrelationInput(null, time, java.util.List.of(), null, source, false);
    }

    /** The same input from a windowed (secondary) source. */
    CorrelationInput asWindowed() {
      return new CorrelationInput(alert, watermark, notices, inhibitedBy, source, true);
    }

    Instant time() {
      return alert != null ? alert.time() : watermark;
    }
  }
}
