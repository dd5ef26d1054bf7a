package com.towerco.platform.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, no ZooKeeper) running
 * inside this JVM. Its log directory is formatted once, at the latest production metadata
 * version; after that every start reuses it, so a restart keeps every event. This is the only
 * class that touches Kafka's internal server API ({@code KafkaRaftServer}, {@code KafkaConfig},
 * {@code Formatter}); the Kafka version is pinned in the parent POM for that reason.
 *
 * <p>It binds to the loopback interface unless told otherwise, and can authenticate clients
 * (SASL/SCRAM, TLS with a keystore) and authorise them with Kafka's standard authorizer
 * ({@link BrokerSecurity}); its listeners are described by {@link BrokerProperties}.
 *
 * <p>One broker means replication factor 1: {@code acks=all} then means "written to this
 * process's page cache", not "on three machines". With a {@link KraftQuorum} it is one node of
 * a multi-node cluster (every node a broker and a controller), which {@code towerco cluster}
 * starts three of; production runs against a real cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String CONTROLLER_PORT_FILE = "controller.port";
  private static final String INTERNAL_PORT_FILE = "internal.port";

  private final KafkaRaftServer server;
  private final BrokerSettings settings;
  private final String bootstrapServers;
  private final int internalPort;

  private EmbeddedKafkaBroker(KafkaRaftServer server, BrokerSettings settings,
      String bootstrapServers, int internalPort) {
    this.server = server;
    this.settings = settings;
    this.bootstrapServers = bootstrapServers;
    this.internalPort = internalPort;
  }

  /**
   * Starts an unsecured broker on the loopback interface, port {@code port} (0 picks a free
   * one), with its data in {@code dataDir}, formatting the directory on first use.
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    return start(BrokerSettings.local(dataDir, port));
  }

  /** Starts a broker as {@code settings} say, formatting its log directory on first use. */
  public static EmbeddedKafkaBroker start(BrokerSettings settings) {
    Path logDir = settings.logDir().toAbsolutePath();
    try {
      Files.createDirectories(logDir);
      BrokerSettings s = new BrokerSettings(logDir, settings.nodeId(), settings.listenHost(),
          settings.port() == 0 ? freePort() : settings.port(), settings.advertisedHost(),
          settings.internalHost(), settings.security(), settings.quorum());
      int controllerPort = s.quorum() != null ? s.quorum().voter(s.nodeId()).port()
          : persistedPort(logDir, CONTROLLER_PORT_FILE);
      int internalPort = s.isSecured() ? persistedPort(logDir, INTERNAL_PORT_FILE) : -1;
      KafkaConfig config = new KafkaConfig(BrokerProperties.of(s, controllerPort, internalPort),
          false);
      formatIfNeeded(s);
      long started = System.nanoTime();
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      String bootstrap = s.clientHost() + ":" + s.port();
      LOG.info("Kafka broker (KRaft) node {} of {} listening on {}:{} ({}) with data in {} "
          + "({} ms)", s.nodeId(), s.clusterSize(), s.listenHost(), s.port(), s.isSecured() ? s.security().clientProtocol() + " "
              + BrokerSecurity.CLIENT_MECHANISM + ", ACLs enforced" : "no authentication",
          logDir, (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedKafkaBroker(server, s, bootstrap, internalPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Kafka broker in " + logDir, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path logDir() {
    return settings.logDir();
  }

  public BrokerSettings settings() {
    return settings;
  }

  /**
   * Client settings that act as the broker itself (a super user) on its internal listener:
   * for setting up users, ACLs and topics from inside this process only. Unsecured: just the
   * bootstrap address.
   */
  public Map<String, String> superUserClientProperties() {
    return settings.isSecured() ? BrokerProperties.internalClient(settings, internalPort)
        : Map.of("bootstrap.servers", bootstrapServers);
  }

  @Override
  public void close() {
    LOG.info("stopping Kafka broker {}", bootstrapServers);
    server.shutdown();
    server.awaitShutdown();
  }

  private static void formatIfNeeded(BrokerSettings s) throws IOException {
    Path logDir = s.logDir();
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setNodeId(s.nodeId())
          .setClusterId(s.quorum() != null ? s.quorum().clusterId()
              : Uuid.randomUuid().toString())
          .setControllerListenerName(BrokerProperties.CONTROLLER)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IOException("cannot format the Kafka log directory " + logDir, e);
    }
  }

  /**
   * The controller and internal ports are kept with the data, so a restart finds the same
   * quorum address.
   */
  private static int persistedPort(Path logDir, String name) throws IOException {
    Path file = logDir.resolve(name);
    if (Files.exists(file)) {
      return Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim());
    }
    int port = freePort();
    Files.writeString(file, String.valueOf(port), StandardCharsets.UTF_8);
    return port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
