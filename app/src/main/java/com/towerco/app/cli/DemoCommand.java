package com.towerco.app.cli;

import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.app.sites.SiteRoutes;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.SimulatorServiceFactory;
import com.towerco.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code towerco demo}: the whole platform on its embedded default (a Kafka broker in this
 * process, every service, the embedded analytics database) fed by the fleet simulator, with
 * the web UI. A second start on the same data directory carries on where the first stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "The whole platform on its embedded default, fed by the fleet simulator.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--sites", defaultValue = "50", description = "Simulated sites (default: "
      + "${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Web UI and API port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--kafka-port", defaultValue = "9092",
      description = "Port of the embedded Kafka broker (default: ${DEFAULT-VALUE}); on the "
          + "loopback interface unless --kafka-listen says otherwise.")
  int kafkaPort;

  @Option(names = "--data-dir", defaultValue = "data/demo",
      description = "Where the broker, stream state and database keep their data (default: "
          + "${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--rate", defaultValue = "1",
      description = "Telemetry events per second per site (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--random-faults-per-hour", defaultValue = "6",
      description = "Faults the simulator injects at random (default: ${DEFAULT-VALUE}).")
  double randomFaults;

  @Option(names = "--fault", paramLabel = "SPEC",
      description = "A fault to inject, e.g. hub-failure:S0001@2m+10m (repeatable).")
  List<String> faults = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A service setting.")
  Map<String, String> settings = new HashMap<>();

  @Mixin
  SettingsFileOption settingsFile;

  @Mixin
  AccessOptions access;

  @Mixin
  BrokerOptions broker;

  @Mixin
  MqttOptions mqtt;

  @Option(names = "--via", defaultValue = "mqtt",
      description = "How the simulated sites reach the platform: mqtt (through the ingest "
          + "gateway, the real path) or kafka (straight onto the site topics). Default: "
          + "${DEFAULT-VALUE}.")
  String via;

  @Override
  public Integer call() {
    Map<String, String> all = mqtt.applyTo(settingsFile.merge(settings));
    all.putIfAbsent(SimulatorSettings.SITES, String.valueOf(sites));
    all.putIfAbsent(SimulatorSettings.RATE, String.valueOf(rate));
    all.putIfAbsent(SimulatorSettings.MODE, "paced");
    all.putIfAbsent(SimulatorSettings.RANDOM_FAULTS, String.valueOf(randomFaults));
    if (!faults.isEmpty()) {
      all.putIfAbsent(SimulatorSettings.FAULTS, String.join(",", faults));
    }
    List<ServiceFactory> factories = new ArrayList<>(Services.all());
    SiteRoutes routes = new SiteRoutes(via, mqtt.siteUrl(all), all.get("ingest.mqtt-username"),
        all.get("ingest.mqtt-password"), null, null, null, 0, null, null,
        "towerco-demo-sites");
    factories.add(new SimulatorServiceFactory(java.time.Clock.systemUTC(), routes.route()));
    ServiceSettings serviceSettings = new ServiceSettings(all);
    List<String> tenants = SimulatorSettings.toConfig(serviceSettings,
        PlatformConfig.DEFAULT_OPERATOR_TENANT, Instant.now()).tenants();
    PlatformProcess process = PlatformProcess.start(new PlatformProcess.Spec(null, true,
        kafkaPort, dataDir, factories, serviceSettings, httpPort, c -> c,
        access.authenticator(dataDir, tenants), broker.security(tenants, null)));
    String web = "http://localhost:" + process.httpPort();
    System.out.println();
    System.out.println("Towerco AIOps demo is running: " + sites + " simulated sites, "
        + process.services().size() + " services.");
    System.out.println("  Web UI     " + web + "/   (log in as one of these users)");
    for (String line : access.loginHelp(dataDir)) {
      System.out.println("             " + line);
    }
    System.out.println("  API        " + web + "/api/docs/ (OpenAPI: " + web
        + "/api/openapi.json)");
    System.out.println("  Health     " + web + "/health/ready   metrics: " + web + "/metrics");
    System.out.println("  Sites      MQTT " + mqtt.describe(all) + " (towerco/sites/{site_id}/"
        + "telemetry|alarm|...), HTTP POST " + web + "/api/v1/ingest/events");
    System.out.println("  Faults     curl -u noc:PASSWORD -X POST " + web
        + "/api/v1/simulator/faults -d 'hub-failure:S0001@10s+5m'");
    if (broker.sasl) {
      System.out.println("  Kafka      " + process.bootstrapServers() + " (SASL/SCRAM-SHA-512, "
          + "ACLs), e.g. as the administrator: bin/towerco replay --bootstrap-servers "
          + process.bootstrapServers() + " --kafka-config " + dataDir.resolve(
              PlatformProcess.KAFKA_CREDENTIALS).resolve("towerco-admin.properties") + " ...");
      process.kafkaCredentialsHelp().forEach(l -> System.out.println("             " + l));
    } else {
      System.out.println("  Kafka      " + process.bootstrapServers() + "   e.g. kcat -b "
          + process.bootstrapServers() + " -C -t towerco.alerts.towerco.notifications");
    }
    System.out.println("  Data       " + dataDir.toAbsolutePath()
        + " (a second start carries on)");
    System.out.println("Press Ctrl-C to stop.");
    Blocking.untilShutdown(process);
    return 0;
  }
}
