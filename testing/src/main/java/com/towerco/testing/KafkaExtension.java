package com.towerco.testing;

import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker (KRaft, in this JVM) for one test class, in a fresh data directory:
 * {@code @RegisterExtension static final KafkaExtension kafka = new KafkaExtension();}.
 * It can be restarted on the same directory to test durability.
 */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Path dataDir;
  private EmbeddedKafkaBroker broker;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      dataDir = Files.createTempDirectory("towerco-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
    port = Integer.parseInt(broker.bootstrapServers().substring("localhost:".length()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // keep closing
      }
    }
    closeables.clear();
    if (broker != null) {
      broker.close();
    }
    TestFiles.deleteRecursively(dataDir);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** Stops the broker and starts it again on the same data directory and port. */
  public void restart() {
    broker.close();
    broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port);
  }

  public void stop() {
    broker.close();
  }

  public void startAgain() {
    broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A platform config for this broker with the given site-topic partitions. */
  public PlatformConfig config(int sitePartitions) {
    return PlatformConfig.local(bootstrapServers(), dataDir.resolve("state"))
        .withTopicLayout(sitePartitions, 2, (short) 1);
  }

  public PlatformConfig config() {
    return config(2);
  }

  /** A service context closed after the test class. */
  public ServiceContext context(PlatformConfig config) {
    PlatformMetrics metrics = new PlatformMetrics();
    ServiceContext context = new ServiceContext(config, metrics);
    closeables.add(metrics);
    closeables.add(context);
    return context;
  }

  public ServiceContext context() {
    return context(config());
  }

  /** Registers something to close after the test class (before the broker stops). */
  public <T extends AutoCloseable> T closeAfterAll(T closeable) {
    closeables.add(closeable);
    return closeable;
  }
}
