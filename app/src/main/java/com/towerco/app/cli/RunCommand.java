package com.towerco.app.cli;

import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.runtime.ServiceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code towerco run}: some or all services against a broker (embedded or external). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run services (each its own consumer group) against Kafka.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--services", split = ",", paramLabel = "NAME",
      description = "Services to run, comma-separated, or 'all' (default). Known: "
          + "${COMPLETION-CANDIDATES}", completionCandidates = ServiceNames.class)
  List<String> services = new ArrayList<>(List.of("all"));

  @Option(names = "--embedded-broker",
      description = "Start a Kafka broker (KRaft) inside this process.")
  boolean embeddedBroker;

  @Option(names = "--kafka-port", defaultValue = "9092",
      description = "Port of the embedded broker (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--data-dir", defaultValue = "data",
      description = "Broker data, stream state and the embedded database (default: "
          + "${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "HTTP port for health, metrics, API and UI; -1 for none (default: "
          + "${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "A service setting, e.g. --set kpi.window=PT5M (repeatable).")
  Map<String, String> settings = Map.of();

  @Option(names = "--kafka-credentials", paramLabel = "DIR",
      description = "Per-principal client settings (service-<name>.properties, as 'towerco "
          + "kafka-access apply' writes them): each service logs in as its own principal; "
          + "--kafka-config still sets the process-level connection. With --embedded-broker "
          + "--kafka-sasl: where they are written (default DATA_DIR/kafka-credentials).")
  Path credentialsDir;

  @Mixin
  KafkaOptions kafka;

  @Mixin
  SettingsFileOption settingsFile;

  @Mixin
  AccessOptions access;

  @Mixin
  BrokerOptions broker;

  @Mixin
  SchemaRegistryOptions schemaRegistry;

  @Mixin
  MqttOptions mqtt;

  @Override
  public Integer call() {
    ServiceSettings serviceSettings =
        new ServiceSettings(mqtt.applyTo(settingsFile.merge(settings)));
    if (!embeddedBroker) {
      kafka.connect(dataDir);
    }
    if (schemaRegistry.configured()) {
      schemaRegistry.register(System.out);
    }
    PlatformProcess process = PlatformProcess.start(new PlatformProcess.Spec(
        kafka.bootstrapServers, embeddedBroker, kafkaPort, dataDir,
        Services.select(services), serviceSettings, httpPort,
        kafka::apply,
        httpPort < 0 ? Authenticator.openAccess() : access.authenticator(dataDir, List.of()),
        broker.security(List.of(), credentialsDir)));
    System.out.println("running " + String.join(", ", process.services().stream()
        .map(s -> s.name()).toList()) + " against " + process.bootstrapServers()
        + (process.httpPort() > 0 ? "; http://localhost:" + process.httpPort() + "/health/ready"
        : ""));
    process.kafkaCredentialsHelp().forEach(line -> System.out.println("  kafka: " + line));
    if (process.httpPort() > 0) {
      access.loginHelp(dataDir).forEach(line -> System.out.println("  login: " + line));
    }
    Blocking.untilShutdown(process);
    return 0;
  }

  /** Service names for the help text. */
  static final class ServiceNames extends ArrayList<String> {
    ServiceNames() {
      super(Services.names());
    }
  }
}
