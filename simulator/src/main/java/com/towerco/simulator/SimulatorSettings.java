package com.towerco.simulator;

import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.domain.FaultSpec;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SimulatorConfig.Pace;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The simulator's {@code key=value} settings, as {@code bin/towerco simulate} and {@code run}
 * pass them, declared in {@link #ALL}. Keys: {@code simulator.sites} (50), {@code simulator.regions} (4),
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

  private static final SimulatorConfig D = SimulatorConfig.defaults();
  static final Setting<Integer> SITES_SETTING = Setting.integer(SITES, D.sites(), 1, 100_000,
      "Simulated sites.");
  static final Setting<Integer> REGIONS_SETTING = Setting.integer(REGIONS, D.regions(), 1,
      1_000, "Regions (at most the number of sites).");
  static final Setting<Integer> SITES_PER_HUB_SETTING = Setting.integer(SITES_PER_HUB,
      D.sitesPerHub(), 1, 1_000, "Sites behind each transmission hub.");
  static final Setting<List<String>> TENANTS_SETTING = Setting.list(TENANTS, D.tenants(),
      "The simulated tenants (mobile operators).");
  static final Setting<Long> SEED_SETTING = Setting.longValue(SEED, D.seed(), Long.MIN_VALUE,
      Long.MAX_VALUE, "Random seed: the same seed and settings give the same fleet and events.");
  static final Setting<Double> RATE_SETTING = Setting.number(RATE, D.eventsPerSecondPerSite(),
      0.001, 1_000, "Telemetry events per second per site (event time).");
  static final Setting<String> MODE_SETTING = Setting.choice(MODE, "paced",
      "paced: real time times speed; fast: as fast as possible (as-fast-as-possible).",
      "paced", "fast", "as-fast-as-possible");
  static final Setting<Double> SPEED_SETTING = Setting.number(SPEED, D.speed(), 0.001,
      100_000, "Simulated time per wall-clock time in paced mode.");
  static final Setting<Instant> START_SETTING = Setting.instant(START,
      "Simulated start time.").withDefaultText("now (paced), " + D.start() + " (fast)");
  static final Setting<Duration> DURATION_SETTING = Setting.duration(DURATION, null,
      "Simulated duration.").withDefaultText("until stopped");
  static final Setting<String> FAULTS_SETTING = Setting.text(FAULTS, "",
      "Comma-separated fault specs, e.g. mains-outage:S0003@2m+1h.")
      .checkedBy(FaultSpec::parseList).withDefaultText(null);
  static final Setting<Double> RANDOM_FAULTS_SETTING = Setting.number(RANDOM_FAULTS, 0, 0,
      10_000, "Random faults per simulated hour.");
  /** Every simulator setting. */
  public static final List<Setting<?>> ALL = List.of(SITES_SETTING, REGIONS_SETTING,
      SITES_PER_HUB_SETTING, TENANTS_SETTING, SEED_SETTING, RATE_SETTING, MODE_SETTING,
      SPEED_SETTING, START_SETTING, DURATION_SETTING, FAULTS_SETTING, RANDOM_FAULTS_SETTING);

  private SimulatorSettings() {}

  /** The config these settings describe; {@code now} is the default start of a paced run. */
  public static SimulatorConfig toConfig(ServiceSettings s, String operatorTenant, Instant now) {
    Pace pace = MODE_SETTING.from(s).equals("paced") ? Pace.PACED : Pace.AS_FAST_AS_POSSIBLE;
    Instant start = START_SETTING.orElse(s, pace == Pace.PACED
        ? now.truncatedTo(ChronoUnit.SECONDS) : D.start());
    int sites = SITES_SETTING.from(s);
    return new SimulatorConfig(sites, REGIONS_SETTING.orElse(s, Math.min(D.regions(), sites)),
        SITES_PER_HUB_SETTING.from(s), TENANTS_SETTING.from(s), SEED_SETTING.from(s), start,
        RATE_SETTING.from(s), pace, SPEED_SETTING.from(s), DURATION_SETTING.from(s),
        FaultSpec.parseList(FAULTS_SETTING.from(s)), RANDOM_FAULTS_SETTING.from(s),
        operatorTenant);
  }
}
