package com.towerco.platform.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
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
 * <p>One broker means replication factor 1: {@code acks=all} then means "written to this
 * process's page cache", not "on three machines". Production runs against a real cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_PORT_FILE = "controller.port";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
  }

  /**
   * Starts a broker listening on {@code port} (0 picks a free one) with its data in
   * {@code dataDir}, formatting the directory on first use.
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    try {
      Path logDir = dataDir.toAbsolutePath();
      Files.createDirectories(logDir);
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = controllerPort(logDir);
      Properties props = new Properties();
      props.put("process.roles", "broker,controller");
      props.put("node.id", String.valueOf(NODE_ID));
      props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
      props.put("listeners", "PLAINTEXT://0.0.0.0:" + brokerPort
          + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
      props.put("controller.listener.names", "CONTROLLER");
      props.put("inter.broker.listener.name", "PLAINTEXT");
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("log.dirs", logDir.toString());
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "10");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("transaction.state.log.num.partitions", "4");
      props.put("share.coordinator.state.topic.replication.factor", "1");
      props.put("share.coordinator.state.topic.min.isr", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      // Topics are created by the platform's provisioner with their intended partitions;
      // a typo'd topic name should fail, not silently create a one-partition topic.
      props.put("auto.create.topics.enable", "false");
      props.put("num.partitions", "1");
      props.put("log.retention.hours", "168");
      props.put("message.max.bytes", String.valueOf(2 * 1024 * 1024));
      KafkaConfig config = new KafkaConfig(props, false);
      formatIfNeeded(logDir);
      long started = System.nanoTime();
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      LOG.info("Kafka broker (KRaft) listening on localhost:{} with data in {} ({} ms)",
          brokerPort, logDir, (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedKafkaBroker(server, "localhost:" + brokerPort, logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Kafka broker in " + dataDir, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path logDir() {
    return logDir;
  }

  @Override
  public void close() {
    LOG.info("stopping Kafka broker {}", bootstrapServers);
    server.shutdown();
    server.awaitShutdown();
  }

  private static void formatIfNeeded(Path logDir) throws IOException {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IOException("cannot format the Kafka log directory " + logDir, e);
    }
  }

  /** The controller port is kept with the data so a restart finds the same quorum address. */
  private static int controllerPort(Path logDir) throws IOException {
    Path file = logDir.resolve(CONTROLLER_PORT_FILE);
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
