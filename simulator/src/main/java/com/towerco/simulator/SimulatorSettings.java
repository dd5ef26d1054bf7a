package com.towerco.simulator;

import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.domain.FaultSpec;
import com.towerco.simulator.domain.SimDurations;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SimulatorConfig.Pace;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's {@code key=value} settings, as {@code bin/towerco simulate} and {@code run}
 * pass them. Keys: {@code simulator.sites} (50), {@code simulator.regions} (4),
 * {@code simulator.sites-per-hub} (10), {@code simulator.tenants} (altel,kora,zenmobile,nexacell),
 * {@code simulator.seed} (42), {@code simulator.rate} (telemetry events/s per site, 1),
 * {@code simulator.mode} ({@code paced} or {@code fast}), {@code simulator.speed} (1),
 * {@code simulator.start} (RFC 3339; default now in paced mode, 2026-01-05T00:00:00Z in fast
 * mode so runs repeat), {@code simulator.duration} (simulated, e.g. 2h; default until stopped),
 * {@code simulator.faults} (comma-separated specs), {@code simulator.random-faults-per-hour} (0).
 */
public final class SimulatorSettings {
  public static final String SITES = "simulator.sites";
  public static final String REGIONS = "simulator.regions";
  public static final String SITES_PER_HUB = "simulator.sites-per-hub";
  public static final String TENANTS = "simulator.tenants";
  public static final String SEED = "simulator.seed";
  public static final String RATE = "simulator.rate";
  public static final String MODE = "simulator.mode";
  public static final String SPEED = "simulator.speed";
  public static final String START = "simulator.start";
  public static final String DURATION = "simulator.duration";
  public static final String FAULTS = "simulator.faults";
  public static final String RANDOM_FAULTS = "simulator.random-faults-per-hour";

  private SimulatorSettings() {}

  /** The config these settings describe; {@code now} is the default start of a paced run. */
  public static SimulatorConfig toConfig(ServiceSettings s, String operatorTenant, Instant now) {
    SimulatorConfig d = SimulatorConfig.defaults();
    Pace pace = switch (s.string(MODE, "paced").toLowerCase(Locale.ROOT)) {
      case "paced" -> Pace.PACED;
      case "fast", "as-fast-as-possible" -> Pace.AS_FAST_AS_POSSIBLE;
      default -> throw new IllegalArgumentException(MODE + " must be paced or fast, not "
          + s.string(MODE, ""));
    };
    String startText = s.string(START, null);
    Instant start = startText != null ? Instant.parse(startText)
        : pace == Pace.PACED ? now.truncatedTo(ChronoUnit.SECONDS) : d.start();
    String durationText = s.string(DURATION, null);
    List<String> tenants = s.values().containsKey(TENANTS)
        ? Arrays.stream(s.string(TENANTS, "").split(",")).map(String::trim)
            .filter(t -> !t.isEmpty()).toList()
        : d.tenants();
    int sites = s.integer(SITES, d.sites());
    return new SimulatorConfig(sites, s.integer(REGIONS, Math.min(d.regions(), sites)),
        s.integer(SITES_PER_HUB, d.sitesPerHub()), tenants, s.longValue(SEED, d.seed()), start,
        number(s, RATE, d.eventsPerSecondPerSite()), pace, number(s, SPEED, d.speed()),
        durationText == null ? null : SimDurations.parse(durationText),
        FaultSpec.parseList(s.string(FAULTS, "")), number(s, RANDOM_FAULTS, 0), operatorTenant);
  }

  private static double number(ServiceSettings s, String key, double fallback) {
    String value = s.string(key, null);
    try {
      return value == null ? fallback : Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
    }
  }
}
