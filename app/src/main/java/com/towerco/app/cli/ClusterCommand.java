package com.towerco.app.cli;

import com.towerco.app.Services;
import com.towerco.app.access.AccessSetup;
import com.towerco.app.cluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code towerco cluster up|down|status}: a local three-broker KRaft cluster and the services,
 * each broker and each service instance its own process, to try the production layout (and for
 * the fault test). Not a deployment tool: on real machines run {@code towerco broker} and
 * {@code towerco run --services X} under the machine's supervisor.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "A local three-broker Kafka cluster plus every service as its own process.",
    subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class,
        ClusterCommand.Status.class})
public final class ClusterCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code cluster up}. */
  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Start three brokers (replication 3, min.insync.replicas 2) and the "
          + "services as separate processes; returns once every instance is ready.")
  static final class Up implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "data/cluster",
        description = "Brokers' and instances' data, logs/ and the process list (default: "
            + "${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092",
        description = "Client port of broker 1; brokers 2 and 3 take the next two, controllers "
            + "the port + 10.. (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--http-port", defaultValue = "8080",
        description = "HTTP port of the first instance; each next instance takes the next "
            + "(default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--services", split = ",", paramLabel = "NAME",
        description = "Services to start (default: all).")
    List<String> services = new ArrayList<>(List.of("all"));

    @Option(names = "--instances", defaultValue = "1",
        description = "Instances of each service (default: ${DEFAULT-VALUE}; analytics needs "
            + "--set analytics.jdbc-url=jdbc:postgresql://... for more than one).")
    int instances;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "A service setting passed to every instance (repeatable).")
    Map<String, String> settings = Map.of();

    @Option(names = "--simulate", paramLabel = "SITES",
        description = "Also run the simulator with this many sites as a process.")
    Integer simulateSites;

    @Override
    public Integer call() {
      List<String> runArgs = new ArrayList<>();
      settings.forEach((k, v) -> runArgs.addAll(List.of("--set", k + "=" + v)));
      List<String> names = Services.select(services).stream().map(f -> f.name()).toList();
      LocalCluster cluster = new LocalCluster(LocalCluster.Layout.of(dataDir, kafkaPort,
          httpPort, names, instances, runArgs));
      if (!LocalCluster.readProcesses(dataDir.toAbsolutePath()).isEmpty()) {
        throw new IllegalStateException("a cluster is already running in " + dataDir
            + "; 'towerco cluster down --data-dir " + dataDir + "' first");
      }
      try {
        java.nio.file.Files.createDirectories(dataDir);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Path users = dataDir.resolve("users.json");
      List<String> created = AccessSetup.ensureUsers(users, List.of());
      AccessSetup.authenticator(users, dataDir.resolve("auth.key"), Duration.ofHours(12));
      try {
        cluster.up(Duration.ofMinutes(5));
        if (simulateSites != null) {
          cluster.startCommand("simulator", "512m", List.of("simulate", "--sites",
              String.valueOf(simulateSites), "--bootstrap-servers", cluster.bootstrapServers(),
              "--replication-factor", "3", "--random-faults-per-hour", "2"));
        }
      } catch (RuntimeException e) {
        cluster.down(Duration.ofSeconds(30));
        throw e;
      }
      System.out.println("cluster up: brokers " + cluster.bootstrapServers() + " (controllers "
          + cluster.controllerQuorum() + ")");
      for (String instance : cluster.serviceInstances()) {
        System.out.println("  " + instance + ": http://localhost:" + cluster.httpPort(instance)
            + "/health/ready");
      }
      created.forEach(line -> System.out.println("  login: " + line));
      System.out.println("logs in " + dataDir.resolve("logs") + "; stop with: towerco cluster "
          + "down --data-dir " + dataDir);
      return 0;
    }
  }

  /** {@code cluster down}. */
  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop the processes 'cluster up' started (services first, then brokers).")
  static final class Down implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "data/cluster",
        description = "As given to 'cluster up' (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
      int stopped = LocalCluster.down(dataDir, Duration.ofSeconds(30));
      System.out.println(stopped + " process(es) stopped; data kept in " + dataDir);
      return 0;
    }
  }

  /** {@code cluster status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "The processes of a local cluster that are running.")
  static final class Status implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "data/cluster",
        description = "As given to 'cluster up' (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
      var running = LocalCluster.readProcesses(dataDir.toAbsolutePath());
      running.forEach((name, p) -> System.out.println(name + " pid " + p.pid()));
      System.out.println(running.size() + " running");
      return running.isEmpty() ? 3 : 0;
    }
  }
}
