package com.towerco.app.cli;

import com.towerco.platform.PlatformConfig;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.Simulator;
import com.towerco.simulator.SimulatorSettings;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.app.sites.SiteRoutes;
import com.towerco.app.sites.ViaGateway;
import com.towerco.simulator.EventSink;
import com.towerco.simulator.kafka.KafkaEventSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code towerco simulate}: the site fleet simulator publishing to Kafka. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a fleet of sites (telemetry, X.733 alarms, faults) into Kafka and "
        + "report what was sent.")
public final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--sites", defaultValue = "50", description = "Sites (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--rate", defaultValue = "1",
      description = "Telemetry events per second per site (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: "
      + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--mode", defaultValue = "paced",
      description = "paced (event time follows the clock) or fast (as fast as possible, "
          + "deterministic) (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--speed", defaultValue = "1",
      description = "Simulated seconds per wall-clock second when paced (default: "
          + "${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--start", description = "Simulated start time (RFC 3339).")
  String start;

  @Option(names = "--duration", description = "Simulated time to run, e.g. 2h (default: until "
      + "stopped).")
  String duration;

  @Option(names = "--fault", paramLabel = "SPEC",
      description = "A fault to inject, e.g. hub-failure:S0001@3m+20m, "
          + "battery-exhaustion:S0007@1m (repeatable).")
  List<String> faults = new ArrayList<>();

  @Option(names = "--random-faults-per-hour", defaultValue = "0",
      description = "Random faults per simulated hour (default: ${DEFAULT-VALUE}).")
  double randomFaults;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path report;

  @Option(names = "--data-dir", defaultValue = "data", hidden = true)
  Path dataDir;

  @Mixin
  KafkaOptions kafka;

  @Option(names = "--via", defaultValue = "kafka",
      description = "How the sites' events reach the platform: kafka (straight onto the site "
          + "topics), mqtt (published to the ingest gateway's broker), http (posted to its "
          + "route), snmp (alarms as SNMP informs, the rest over MQTT). The inventory always "
          + "goes to Kafka. Default: ${DEFAULT-VALUE}.")
  String via;

  @Option(names = "--mqtt-url", defaultValue = "tcp://127.0.0.1:1884",
      description = "The gateway's MQTT broker (default: ${DEFAULT-VALUE}, the embedded one).")
  String mqttUrl;

  @Option(names = "--mqtt-username", description = "MQTT user name; the password is read "
      + "from $TOWERCO_MQTT_PASSWORD.")
  String mqttUsername;

  @Option(names = "--ingest-url", defaultValue = "http://localhost:8080",
      description = "The platform's HTTP address for --via http (default: ${DEFAULT-VALUE}).")
  String ingestUrl;

  @Option(names = "--gateway-key", description = "The HTTP gateway's API key (or "
      + "$TOWERCO_GATEWAY_KEY).")
  String gatewayKey;

  @Option(names = "--snmp-target", defaultValue = "127.0.0.1:1162",
      description = "The gateway's trap receiver, host:port (default: ${DEFAULT-VALUE}).")
  String snmpTarget;

  @Option(names = "--snmp-community", defaultValue = "public",
      description = "SNMPv2c community (default: ${DEFAULT-VALUE}).")
  String snmpCommunity;

  @Option(names = "--trap-mapping", description = "The gateway's trap mapping file (default: "
      + "the bundled generic power system one).")
  String trapMapping;

  private SiteRoutes routes() {
    String key = gatewayKey != null ? gatewayKey : System.getenv("TOWERCO_GATEWAY_KEY");
    int colon = snmpTarget.lastIndexOf(':');
    return new SiteRoutes(via, mqttUrl, mqttUsername, System.getenv("TOWERCO_MQTT_PASSWORD"),
        ingestUrl, key, snmpTarget.substring(0, colon),
        Integer.parseInt(snmpTarget.substring(colon + 1)), snmpCommunity, trapMapping,
        "towerco-simulator-" + ProcessHandle.current().pid());
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> s = new HashMap<>();
    s.put(SimulatorSettings.SITES, String.valueOf(sites));
    s.put(SimulatorSettings.RATE, String.valueOf(rate));
    s.put(SimulatorSettings.SEED, String.valueOf(seed));
    s.put(SimulatorSettings.MODE, mode);
    s.put(SimulatorSettings.SPEED, String.valueOf(speed));
    s.put(SimulatorSettings.RANDOM_FAULTS, String.valueOf(randomFaults));
    if (start != null) {
      s.put(SimulatorSettings.START, start);
    }
    if (duration != null) {
      s.put(SimulatorSettings.DURATION, duration);
    }
    if (!faults.isEmpty()) {
      s.put(SimulatorSettings.FAULTS, String.join(",", faults));
    }
    PlatformConfig config = kafka.connect(dataDir);
    try (PlatformMetrics metrics = new PlatformMetrics();
        ServiceContext context = new ServiceContext(config, metrics);
        ServiceContext.Outputs outputs = context.outputs("simulator", "")) {
      Simulator simulator = new Simulator(SimulatorSettings.toConfig(new ServiceSettings(s),
          config.operatorTenant(), Instant.now()));
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        stop.set(true);
        try {
          finished.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      Runtime.getRuntime().addShutdownHook(hook);
      System.err.printf("simulating %d sites into %s via %s (%s) ...%n", sites,
          config.bootstrapServers(), via, mode);
      SimulationReport result;
      try {
        EventSink sink = routes().route().apply(
            new KafkaEventSink(context.topics(), outputs.publisher()));
        try {
          result = simulator.run(sink, stop::get);
        } finally {
          if (sink instanceof ViaGateway via && via.sites() instanceof AutoCloseable c) {
            c.close();
          }
        }
      } finally {
        finished.countDown();
      }
      System.out.println(result.toText());
      if (report != null) {
        Files.writeString(report, result.toJson(), StandardCharsets.UTF_8);
      }
      if (!stop.get()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    return 0;
  }
}
