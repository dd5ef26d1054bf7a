package com.towerco.benchmarks;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.correlation.AlertFact;
import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.Correlator;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.InvalidEventException;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alert changes per second per core through one region's {@link Correlator} (grouping, hub
 * detection, root-cause ranking, settle and hold-down ticks), against the cost of decoding the
 * same alert's event with the platform codec, measured in the same run: every consumer pays the
 * decode, so the ratio says what correlation adds on top of reading an alert at all.
 *
 * <p>The region has 10 hubs with 20 sites each. Its alert stream repeats a 15-minute cycle of
 * real problems: mains failures with their battery discharge and tenant power loss, a hub's
 * transmission failure taking its sites off the air, HVAC failures with high temperature, a
 * door opened for a visit; every alert resolves a few minutes later. Event time moves on
 * cycle after cycle, so groups open, settle, clear and are dropped as in production.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorrelatorBenchmark {
  private static final long CYCLE_MILLIS = 900_000;
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final List<String> TENANTS = List.of("altel", "borealis");

  /** One alert change of the cycle, at an offset into it. */
  private record Change(AlertRule rule, String siteId, String hubSiteId, long offsetMillis,
      boolean firing, String alertKey) {}

  private final EventCodec codec = new EventCodec();
  private Correlator correlator;
  private Change[] cycle;
  private int next;
  private long cycles;
  private byte[] alertEvent;

  @Setup
  public void region() {
    correlator = new Correlator(CorrelationPolicy.defaults());
    List<Change> changes = new ArrayList<>();
    for (int problem = 0; problem < 10; problem++) {
      String hub = "H" + problem;
      String site = "S" + problem + "-" + (problem * 7 % 20);
      long at = problem * 55_000L;
      switch (problem % 4) {
        case 0 -> {
          fault(changes, AlertRule.MAINS_FAILURE, site, hub, at, 240_000);
          fault(changes, AlertRule.BATTERY_DISCHARGING, site, hub, at + 2_000, 230_000);
          fault(changes, AlertRule.TENANT_POWER_LOSS, site, hub, at + 90_000, 120_000);
        }
        case 1 -> {
          fault(changes, AlertRule.TRANSMISSION_FAILURE, hub, null, at, 180_000);
          for (int s = 0; s < 20; s++) {
            fault(changes, AlertRule.SITE_UNREACHABLE, "S" + problem + "-" + s, hub,
                at + 1_000 + s * 300L, 175_000);
          }
        }
        case 2 -> {
          fault(changes, AlertRule.HVAC_FAILURE, site, hub, at, 300_000);
          fault(changes, AlertRule.HIGH_TEMPERATURE, site, hub, at + 60_000, 200_000);
        }
        default -> fault(changes, AlertRule.DOOR_OPEN, site, hub, at, 30_000);
      }
    }
    changes.sort((a, b) -> Long.compare(a.offsetMillis(), b.offsetMillis()));
    cycle = changes.toArray(Change[]::new);
    alertEvent = codec.encode(Envelope.of(EventIds.random(), "towerco", "S1-1", T0,
        new AlertFiring(EventIds.random(), "mains-failure|S1-1", "mains-failure",
            AlertSeverity.MAJOR, "Mains power lost", "S1-1", "north", "H1", TENANTS,
            Map.of("source", "alarm:A-1"), T0, List.of(EventIds.random())), Map.of()));
  }

  private static void fault(List<Change> changes, AlertRule rule, String siteId, String hub,
      long at, long lasts) {
    String key = rule.id() + "|" + siteId + "|" + at;
    changes.add(new Change(rule, siteId, hub, at, true, key));
    changes.add(new Change(rule, siteId, hub, at + lasts, false, key));
  }

  /** One alert change: grouped, ranked, and event time ticked to it. */
  @Benchmark
  public int correlate() {
    Change change = cycle[next];
    Instant time = T0.plusMillis(cycles * CYCLE_MILLIS + change.offsetMillis());
    String alertId = change.alertKey() + "#" + cycles;
    if (++next == cycle.length) {
      next = 0;
      cycles++;
    }
    AlertFact fact = new AlertFact(alertId, change.rule().id() + "|" + change.siteId(),
        change.rule(), change.siteId(), "north", change.hubSiteId(),
        change.rule().defaultSeverity(), TENANTS, time, change.firing());
    return correlator.onAlert(fact).size() + correlator.tick(time).size();
  }

  /** Baseline: decoding one alert event with the platform codec. */
  @Benchmark
  public Envelope decodeAlertEvent() throws InvalidEventException {
    return codec.decode(alertEvent);
  }
}
