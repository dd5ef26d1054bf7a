package com.towerco.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fault specs as people type them, and the errors they get when they mistype. */
class FaultSpecTest {
  @Test
  void parsesKindSiteOffsetAndDuration() {
    FaultSpec spec = FaultSpec.parse("mains-outage:S0003@2m+1h");

    assertThat(spec.kind()).isEqualTo(FaultKind.MAINS_OUTAGE);
    assertThat(spec.siteId()).isEqualTo("S0003");
    assertThat(spec.offset()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.duration()).isEqualTo(Duration.ofHours(1));
    assertThat(spec.toString()).isEqualTo("mains-outage:S0003@2m+1h");
  }

  @Test
  void withoutADurationTheKindsDefaultAppliesOrTheFaultLastsToTheEnd() {
    assertThat(FaultSpec.parse("hvac-failure:S0012@5m").effectiveDuration())
        .contains(Duration.ofHours(2));
    assertThat(FaultSpec.parse("generator-start-failure:S0003@2m").effectiveDuration())
        .isEmpty();
    assertThat(FaultSpec.parse("battery-exhaustion:S0007@1m").duration()).isNull();
  }

  @Test
  void readsCompoundAndIsoDurationsAndZero() {
    assertThat(FaultSpec.parse("door-open:S0004@1h30m15s+PT5M").offset())
        .isEqualTo(Duration.ofSeconds(5415));
    assertThat(FaultSpec.parse("door-open:S0004@0+90s").duration())
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(SimDurations.format(Duration.ofSeconds(5415))).isEqualTo("1h30m15s");
    assertThat(SimDurations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(SimDurations.format(Duration.ofMillis(5250))).isEqualTo("5s250ms");
    assertThat(SimDurations.parse("5s250ms")).isEqualTo(Duration.ofMillis(5250));
  }

  @Test
  void parsesAListSeparatedByCommasOrSpaces() {
    assertThat(FaultSpec.parseList("mains-outage:S0003@2m+1h, fuel-theft:S0020@10m "
        + "hub-failure:S0001@3m+20m")).extracting(FaultSpec::kind).containsExactly(
            FaultKind.MAINS_OUTAGE, FaultKind.FUEL_THEFT, FaultKind.HUB_FAILURE);
    assertThat(FaultSpec.parseList("  ")).isEmpty();
  }

  @Test
  void aSpecWithoutTheSyntaxNamesTheSyntax() {
    assertThatThrownBy(() -> FaultSpec.parse("mains-outage S0003 2m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad fault spec 'mains-outage S0003 2m': expected "
            + "KIND:SITE@OFFSET[+DURATION], e.g. mains-outage:S0003@2m+1h");
    assertThatThrownBy(() -> FaultSpec.parse("mains-outage:S0003"))
        .hasMessageContaining("expected KIND:SITE@OFFSET[+DURATION]");
  }

  @Test
  void anUnknownKindListsTheKnownKinds() {
    assertThatThrownBy(() -> FaultSpec.parse("earthquake:S0003@2m"))
        .hasMessageStartingWith("bad fault spec 'earthquake:S0003@2m': unknown fault kind "
            + "'earthquake'; known kinds: mains-outage, generator-start-failure,");
  }

  @Test
  void aBadDurationSaysHowToWriteOne() {
    assertThatThrownBy(() -> FaultSpec.parse("mains-outage:S0003@2x+1h"))
        .hasMessage("bad fault spec 'mains-outage:S0003@2x+1h': '2x' is not a duration: "
            + "ISO-8601 (PT5M, P7D) or numbers with units (250ms, 30s, 5m, 12h, 7d, 1h30m)");
    assertThatThrownBy(() -> FaultSpec.parse("mains-outage:S0003@2m+0"))
        .hasMessageContaining("fault duration must be positive");
  }
}
