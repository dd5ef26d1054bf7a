package com.towerco.aiops.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.detection.site.ScheduledVisit;
import com.towerco.aiops.detection.site.SiteDetectors;
import com.towerco.platform.runtime.JsonSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Learned detector state is stored with the detectors' snapshots as bytes (ADR-031) and reads
 * back equal; state stored as JSON before it still reads.
 */
class LearnedStateSerdeTest {
  private static final Instant T = Instant.parse("2026-12-06T07:00:00Z");

  private static SiteDetection.Snapshot site() {
    SiteDetectors.State state = new SiteDetectors((site, time) -> Optional.empty()).initial();
    return new SiteDetection.Snapshot(
        Map.of("battery_soc_pct", new byte[] {1, 2, 3, (byte) 0xFF}, "mains_voltage_v",
            new byte[0], "cabinet_temp_c", new byte[300]),
        state, List.of(new ScheduledVisit("v1", "S0001", T, T.plusSeconds(3600), "refuel")));
  }

  @Test
  void aSitesStateReadsBackEqualAndSmallerThanAsJson() {
    LearnedStateSerde<SiteDetection.Snapshot, ?> serde = LearnedStateSerde.sites();
    SiteDetection.Snapshot saved = site();

    byte[] bytes = serde.serializer().serialize("t", saved);
    SiteDetection.Snapshot read = serde.deserializer().deserialize("t", bytes);

    assertThat(bytes[0]).isEqualTo(LearnedStateSerde.FORMAT);
    assertThat(read.state()).isEqualTo(saved.state());
    assertThat(read.visits()).isEqualTo(saved.visits());
    assertThat(read.detectors()).containsOnlyKeys(saved.detectors().keySet());
    saved.detectors().forEach((metric, state) ->
        assertThat(read.detectors().get(metric)).isEqualTo(state));
    assertThat(bytes.length).isLessThan(
        JsonSerde.of(SiteDetection.Snapshot.class).encode(saved).length);
  }

  @Test
  void aSitesStateStoredAsJsonBeforeStillReads() {
    SiteDetection.Snapshot saved = site();
    byte[] json = JsonSerde.of(SiteDetection.Snapshot.class).encode(saved);

    SiteDetection.Snapshot read = LearnedStateSerde.sites().deserializer().deserialize("t", json);

    assertThat(read.state()).isEqualTo(saved.state());
    assertThat(read.visits()).isEqualTo(saved.visits());
    saved.detectors().forEach((metric, state) ->
        assertThat(read.detectors().get(metric)).isEqualTo(state));
  }

  @Test
  void aKpiOwnersStateReadsBackEqualInEitherForm() {
    KpiAnomalyProcessor.Saved saved = new KpiAnomalyProcessor.Saved(
        Map.of("availability_pct", new byte[] {9, 8, 7}), T);
    LearnedStateSerde<KpiAnomalyProcessor.Saved, ?> serde = LearnedStateSerde.kpis();

    for (byte[] bytes : List.of(serde.encode(saved),
        JsonSerde.of(KpiAnomalyProcessor.Saved.class).encode(saved))) {
      KpiAnomalyProcessor.Saved read = serde.decode(bytes);
      assertThat(read.learnedUntil()).isEqualTo(T);
      assertThat(read.detectors().get("availability_pct")).containsExactly(9, 8, 7);
    }
  }

  @Test
  void anEmptyValueIsAProbeAndReadsAsNothing() {
    assertThat(LearnedStateSerde.sites().decode(new byte[0])).isNull();
    assertThat(LearnedStateSerde.sites().encode(null)).isNull();
  }
}
