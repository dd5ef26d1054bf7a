package com.towerco.app.cli;

import com.towerco.platform.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco broker}: a standalone Kafka broker (KRaft) whose data persists. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run a standalone Kafka broker (KRaft, combined broker and controller).")
public final class BrokerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "9092",
      description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", defaultValue = "data/kafka",
      description = "Log directory; a restart on it keeps every event (default: "
          + "${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port);
    System.out.println("Kafka broker listening on " + broker.bootstrapServers()
        + ", data in " + dataDir.toAbsolutePath());
    Blocking.untilShutdown(broker);
    return 0;
  }
}
