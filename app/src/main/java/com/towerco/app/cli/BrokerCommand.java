package com.towerco.app.cli;

import com.towerco.app.KafkaSecurity;
import com.towerco.app.Services;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.BrokerSettings;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.broker.KraftQuorum;
import com.towerco.platform.security.AclPlan;
import com.towerco.platform.security.BrokerAccess;
import com.towerco.platform.security.KafkaCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code towerco broker}: a standalone Kafka broker (KRaft) whose data persists; secured with
 * {@code --kafka-sasl}, it holds the platform's principals and ACLs, ready for
 * {@code towerco run --kafka-credentials DIR}. With {@code --controller-quorum} it is one node
 * of a multi-node KRaft cluster ({@code towerco cluster up} starts three on this machine).
 */
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

  @Option(names = "--credentials-dir", paramLabel = "DIR",
      description = "With --kafka-sasl: where each principal's client settings are kept "
          + "(default: kafka-credentials beside the data directory).")
  Path credentialsDir;

  @Option(names = "--tenant-partitions", defaultValue = "3",
      description = "Partitions of the operator's topics created at setup (default: "
          + "${DEFAULT-VALUE}; the services' --tenant-partitions).")
  int tenantPartitions;

  @Option(names = "--node-id", defaultValue = "1",
      description = "This node's id; in a cluster, its entry in --controller-quorum (default: "
          + "${DEFAULT-VALUE}).")
  int nodeId;

  @Option(names = "--controller-quorum", paramLabel = "ID@HOST:PORT,...",
      description = "Join a multi-node KRaft cluster with these controller voters (every node "
          + "is a broker and a controller), e.g. 1@10.0.0.1:9093,2@10.0.0.2:9093,3@10.0.0.3:9093; "
          + "this node's controller listens on its own entry. Default: a single node.")
  String controllerQuorum;

  @Option(names = "--cluster-id", paramLabel = "UUID",
      description = "KRaft cluster id used when formatting a new data directory (default: "
          + "derived from --controller-quorum, so every node agrees).")
  String clusterId;

  @Mixin
  BrokerOptions options;

  @Override
  public Integer call() {
    KafkaSecurity security = options.security(List.of(), credentialsDir);
    BrokerSettings settings = controllerQuorum == null ? security.broker(dataDir, port)
        : security.broker(dataDir, port, nodeId, KraftQuorum.parse(controllerQuorum, clusterId));
    KafkaCredentials credentials = null;
    if (security.sasl()) {
      Path dir = credentialsDir != null ? credentialsDir
          : dataDir.toAbsolutePath().resolveSibling("kafka-credentials");
      credentials = new KafkaCredentials(dir, System.getenv());
      settings = settings.secured(BrokerAccess.security(credentials, security.keystore(),
          security.keystorePassword()));
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
    try {
      if (credentials != null) {
        PlatformConfig layout = PlatformConfig.local(broker.bootstrapServers(), dataDir)
            .withTopicLayout(PlatformConfig.DEFAULT_SITE_PARTITIONS, tenantPartitions, (short) replication(settings));
        BrokerAccess.setUp(broker, layout, AclPlan.of(Services.kafkaAccess(List.of()),
            security.tenantPrincipals(), layout.operatorTenant()), credentials);
      }
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    System.out.println("Kafka broker " + (settings.quorum() == null ? "" : "node " + nodeId
        + " of " + settings.quorum().size() + " (controllers " + settings.quorum() + ") ")
        + "listening on " + broker.bootstrapServers()
        + (settings.isSecured() ? " (" + settings.security().clientProtocol() + ", ACLs)" : "")
        + ", data in " + dataDir.toAbsolutePath());
    if (credentials != null) {
      credentials.help().forEach(line -> System.out.println("  " + line));
    }
    Blocking.untilShutdown(broker);
    return 0;
  }

  private static int replication(BrokerSettings settings) {
    return settings.clusterSize() >= 3 ? 3 : 1;
  }
}
