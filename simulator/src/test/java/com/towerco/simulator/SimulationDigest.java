package com.towerco.simulator;

import com.towerco.events.EventCodec;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.domain.SiteSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of every encoded event of a reference run, in order. Also a main program, so a
 * test can compute it in a second JVM and prove runs repeat across processes.
 */
final class SimulationDigest {
  private SimulationDigest() {}

  /** Every fault kind and random faults, 12 sites, 6 simulated hours. */
  static SimulatorConfig reference(long seed) {
    SimulatorConfig base = Recorded.smallFleet().withSeed(seed).withDuration(Duration.ofHours(6))
        .withRandomFaults(4);
    List<String> gen = new Simulator(base).fleet().sites().stream()
        .filter(s -> !s.hub() && s.plant().generator()).map(SiteSpec::id).toList();
    return base.withFaults("mains-outage:" + gen.get(0) + "@2m+1h",
        "generator-start-failure:" + gen.get(0) + "@2m", "battery-exhaustion:" + gen.get(1)
            + "@1m", "hvac-failure:S0012@5m+30m", "fuel-theft:" + gen.get(2) + "@10m",
        "hub-failure:S0001@3m+20m", "door-open:S0004@1m+5m", "rectifier-failure:S0009@1h+30m",
        "site-visit:S0011@2h", "refuel:" + gen.get(2) + "@3h");
  }

  static String of(SimulatorConfig config) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      EventCodec codec = new EventCodec();
      new Simulator(config).run(e -> sha.update(codec.encode(e)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) {
    System.out.println(of(reference(Long.parseLong(args[0]))));
  }
}
