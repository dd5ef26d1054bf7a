package com.towerco.aiops.detection.site;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Generator start failure after mains loss: the grid is gone and the generator is not running
 * {@link #START_TIMEOUT} later (it cranks for about 20 s), or reports a fault while it is needed.
 * The battery is then all that carries the site. Clears when the generator runs or the grid
 * returns. Sites without a generator have nothing to start.
 */
public final class GeneratorStartDetector
    implements SiteDetector<GeneratorStartDetector.State> {
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** Since when the grid is lost (null while it is up), and whether a failure is reported. */
  public record State(Instant mainsLostAt, boolean reported) {}

  @Override
  public State initial() {
    return new State(null, false);
  }

  @Override
  public Step<State> observe(State s, SiteReading r) {
    SiteTelemetry t = r.telemetry();
    SiteTelemetry.Generator gen = t.generator();
    if (gen == null) {
      return Step.quiet(s);
    }
    if (t.mains().available() || gen.running() && !gen.fault()) {
      if (s.reported()) {
        String why = t.mains().available() ? "mains restored" : "generator running";
        return new Step<>(new State(t.mains().available() ? null : s.mainsLostAt(), false),
            List.of(finding(r, s.mainsLostAt(), Finding.Status.CLEARED,
                "Generator failure cleared: " + why)));
      }
      return Step.quiet(new State(t.mains().available() ? null : s.mainsLostAt(), false));
    }
    Instant lostAt = s.mainsLostAt() == null ? r.time() : s.mainsLostAt();
    boolean overdue = Duration.between(lostAt, r.time()).compareTo(START_TIMEOUT) >= 0;
    if (!s.reported() && (gen.fault() || overdue)) {
      String why = gen.fault() ? "reports a fault" : "is not running";
      long seconds = Duration.between(lostAt, r.time()).toSeconds();
      return new Step<>(new State(lostAt, true), List.of(finding(r, lostAt,
          Finding.Status.RAISED, "Mains lost " + seconds + " s ago and the generator " + why
              + ": the battery carries the site")));
    }
    return Step.quiet(new State(lostAt, s.reported()));
  }

  private static Finding finding(SiteReading r, Instant lostAt, Finding.Status status,
      String summary) {
    SiteTelemetry t = r.telemetry();
    double seconds = lostAt == null ? 0 : Duration.between(lostAt, r.time()).toSeconds();
    return new Finding(FindingKind.GENERATOR_START_FAILURE, r.siteId(), status, r.time(),
        AlertSeverity.CRITICAL, summary, Map.of(
            "seconds_since_mains_loss", seconds,
            "generator_fault", t.generator().fault() ? 1.0 : 0.0,
            "battery_soc_pct", t.battery().socPct(),
            "fuel_l", t.fuel() == null ? 0 : t.fuel().levelL()), null);
  }
}
