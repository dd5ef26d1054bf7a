package com.towerco.app.cluster;

import com.towerco.ingest.IngestGatewayServiceFactory;
import com.towerco.ingest.IngestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A three-broker KRaft cluster and the platform's services on this machine, every broker and
 * every service instance its own process ({@code towerco broker --controller-quorum ...},
 * {@code towerco run --services X}); topics replicated 3 with {@code min.insync.replicas} 2.
 * Node {@code i} takes client port {@code kafkaPort + i - 1} and controller port
 * {@code kafkaPort + 10 + i - 1}; service instances take HTTP ports from {@code httpPort} on.
 * The process ids are kept in {@code DIR/processes} so {@code towerco cluster down} finds
 * them; logs are in {@code DIR/logs}.
 */
public final class LocalCluster {
  public static final int NODES = 3;
  private static final String MAIN = "com.towerco.app.Towerco";

  /** Where and what. */
  public record Layout(Path dir, int kafkaPort, int httpPort, Map<String, Integer> instances,
      List<String> runArgs) {
    public Layout {
      dir = dir.toAbsolutePath();
      instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
      runArgs = List.copyOf(runArgs);
    }

    /** {@code count} instances of each of {@code services}. */
    public static Layout of(Path dir, int kafkaPort, int httpPort, List<String> services,
        int count, List<String> runArgs) {
      Map<String, Integer> instances = new LinkedHashMap<>();
      services.forEach(s -> instances.put(s, count));
      return new Layout(dir, kafkaPort, httpPort, instances, runArgs);
    }
  }

  private final Layout layout;
  private final ProcessLauncher launcher;
  private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
  private final Map<String, Integer> httpPorts = new LinkedHashMap<>();

  public LocalCluster(Layout layout) {
    this.layout = layout;
    this.launcher = new ProcessLauncher(layout.dir().resolve("logs"));
  }

  public String bootstrapServers() {
    return IntStream.rangeClosed(1, NODES).mapToObj(i -> "localhost:" + clientPort(i))
        .collect(Collectors.joining(","));
  }

  public String controllerQuorum() {
    return IntStream.rangeClosed(1, NODES).mapToObj(i -> i + "@127.0.0.1:"
        + (layout.kafkaPort() + 10 + i - 1)).collect(Collectors.joining(","));
  }

  /** The name of each service instance, e.g. {@code kpi-1}, {@code kpi-2}. */
  public List<String> serviceInstances() {
    List<String> names = new ArrayList<>();
    layout.instances().forEach((service, count) -> {
      for (int k = 1; k <= count; k++) {
        names.add(service + "-" + k);
      }
    });
    return names;
  }

  /** Starts the three brokers and then every service instance; returns when all are ready. */
  public void up(Duration timeout) {
    for (int node = 1; node <= NODES; node++) {
      startBroker(node);
    }
    awaitBrokers(NODES, timeout);
    for (String instance : serviceInstances()) {
      startService(instance);
    }
    for (String instance : serviceInstances()) {
      awaitReady(instance, timeout);
    }
  }

  public void startBroker(int node) {
    String name = "broker-" + node;
    record(name, launcher.start(name, "768m", List.of("broker", "--node-id",
        String.valueOf(node), "--port", String.valueOf(clientPort(node)), "--controller-quorum",
        controllerQuorum(), "--data-dir", layout.dir().resolve(name).toString())));
  }

  /** Starts service instance {@code name} ({@code SERVICE-K}) on its own data directory. */
  public void startService(String name) {
    String service = name.substring(0, name.lastIndexOf('-'));
    int port = httpPorts.computeIfAbsent(name,
        n -> layout.httpPort() + serviceInstances().indexOf(n));
    List<String> args = new ArrayList<>(List.of("run", "--services", service,
        "--bootstrap-servers", bootstrapServers(), "--replication-factor", "3",
        "--data-dir", layout.dir().resolve(name).toString(), "--http-port",
        String.valueOf(port), "--users", layout.dir().resolve("users.json").toString(),
        "--auth-key", layout.dir().resolve("auth.key").toString(),
        // the brokers start with the services, on a machine that may be busy starting them all
        "--broker-wait", "PT60S"));
    if (service.equals("dashboard")) {
      // Every dashboard instance keeps the whole fleet: its own consumer group.
      args.addAll(List.of("--set", "dashboard.group-id=towerco-dashboard-service-" + name));
    }
    if (service.equals(IngestGatewayServiceFactory.NAME)) {
      // Each gateway instance runs its own embedded MQTT broker: ingest-1 on 1884, ingest-2 on
      // 1885, ...
      int k = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
      args.addAll(List.of("--mqtt-port",
          String.valueOf(IngestSettings.DEFAULT_EMBEDDED_MQTT_PORT + k - 1)));
    }
    args.addAll(layout.runArgs());
    record(name, launcher.start(name, "512m", args));
  }

  /** Starts any other {@code towerco} command as a process of this cluster. */
  public void startCommand(String name, String heap, List<String> args) {
    record(name, launcher.start(name, heap, args));
  }

  public Optional<ProcessHandle> process(String name) {
    return Optional.ofNullable(processes.get(name)).filter(ProcessHandle::isAlive);
  }

  /** {@code kill -9}: no shutdown hook, no flush, no commit. */
  public void kill(String name) {
    process(name).ifPresent(p -> {
      p.destroyForcibly();
      p.onExit().join();
    });
  }

  public int httpPort(String instance) {
    return httpPorts.get(instance);
  }

  /** Waits until the cluster has {@code count} brokers and a controller. */
  public void awaitBrokers(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
      while (System.nanoTime() < deadline) {
        try {
          var cluster = admin.describeCluster();
          if (cluster.nodes().get(5, TimeUnit.SECONDS).size() >= count
              && cluster.controller().get(5, TimeUnit.SECONDS) != null) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not up yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        sleep(500);
      }
    }
    throw new IllegalStateException("the cluster did not reach " + count + " brokers within "
        + timeout + "; see " + layout.dir().resolve("logs"));
  }

  /** Waits until the instance's {@code /health/ready} answers 200. */
  public void awaitReady(String instance, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://localhost:" + httpPort(instance) + "/health/ready");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process(instance).isEmpty()) {
        throw new IllegalStateException(instance + " exited; see "
            + layout.dir().resolve("logs").resolve(instance + ".log"));
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(500);
    }
    throw new IllegalStateException(instance + " not ready within " + timeout);
  }

  /** Stops every process this cluster started: services, then the brokers together. */
  public void down(Duration grace) {
    stopAll(processes, grace);
    processes.clear();
    writeProcesses();
  }

  /** Stops the processes a {@code cluster up} in {@code dir} left running. */
  public static int down(Path dir, Duration grace) {
    Map<String, ProcessHandle> running = readProcesses(dir.toAbsolutePath());
    stopAll(running, grace);
    try {
      Files.deleteIfExists(dir.toAbsolutePath().resolve("processes"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return running.size();
  }

  /** The processes of the cluster in {@code dir} that are still running, by name. */
  public static Map<String, ProcessHandle> readProcesses(Path dir) {
    Path file = dir.resolve("processes");
    Map<String, ProcessHandle> running = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return running;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2) {
          ProcessHandle.of(Long.parseLong(parts[1])).filter(ProcessHandle::isAlive)
              .filter(p -> p.info().commandLine().map(c -> c.contains(MAIN)).orElse(false))
              .ifPresent(p -> running.put(parts[0], p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return running;
  }

  private static void stopAll(Map<String, ProcessHandle> running, Duration grace) {
    List<ProcessHandle> services = running.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("broker-")).map(Map.Entry::getValue).toList();
    List<ProcessHandle> brokers = running.entrySet().stream()
        .filter(e -> e.getKey().startsWith("broker-")).map(Map.Entry::getValue).toList();
    stop(services, grace);
    // Together: one by one, the last node waits for a quorum that is already gone.
    stop(brokers, grace);
  }

  private static void stop(List<ProcessHandle> handles, Duration grace) {
    handles.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit)
        .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      CompletableFuture.allOf(exits).join();
    }
  }

  private void record(String name, Process process) {
    processes.put(name, process.toHandle());
    writeProcesses();
  }

  private void writeProcesses() {
    try {
      Files.createDirectories(layout.dir());
      Files.writeString(layout.dir().resolve("processes"), processes.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue().pid() + "\n").collect(Collectors.joining()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return layout.dir();
  }

  private int clientPort(int node) {
    return layout.kafkaPort() + node - 1;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
