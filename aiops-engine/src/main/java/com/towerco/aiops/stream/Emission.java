package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.AlertFact;
import java.time.Instant;

/**
 * What the engine's processors hand on: a record for an output topic, or an input for the
 * correlator (an alert, or the passing of event time in a region).
 */
sealed interface Emission {
  /** A finished record for {@code topic} (alerts, incidents, dead letters). */
  record Outbound(String topic, String key, byte[] value) implements Emission {}

  /** For the region's correlator: an alert fired or resolved, or only time moved on. */
  record ForCorrelation(String region, CorrelationInput input) implements Emission {}

  /**
   * The correlator's input as it crosses the repartition topic (JSON): an alert change with the
   * records that notify it ({@code notices}: published unless its problem makes it evidence
   * only; none when an alert at its site inhibited it, {@code inhibitedBy}), or a watermark.
   */
  record CorrelationInput(AlertFact alert, Instant watermark, java.util.List<Outbound> notices,
      String inhibitedBy) {
    public CorrelationInput {
      notices = notices == null ? java.util.List.of() : java.util.List.copyOf(notices);
    }

    static CorrelationInput alert(AlertFact fact) {
      return new CorrelationInput(fact, null, java.util.List.of(), null);
    }

    static CorrelationInput alert(AlertFact fact, java.util.List<Outbound> notices,
        String inhibitedBy) {
      return new CorrelationInput(fact, null, notices, inhibitedBy);
    }

    static CorrelationInput watermark(Instant time) {
      return new CorrelationInput(null, time, java.util.List.of(), null);
    }

    Instant time() {
      return alert != null ? alert.time() : watermark;
    }
  }
}
