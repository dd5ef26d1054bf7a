package com.towerco.platform.broker;

import java.util.Map;
import java.util.Properties;

/**
 * The Kafka server properties of one embedded node, from its {@link BrokerSettings}. Listeners:
 * {@code CLIENT} (where the platform's services and other clients connect), {@code CONTROLLER}
 * (the KRaft quorum) and, when secured, {@code INTERNAL} (inter-broker traffic with the
 * broker's own credentials, kept apart from clients' SCRAM logins).
 */
final class BrokerProperties {
  static final String CLIENT = "CLIENT";
  static final String INTERNAL = "INTERNAL";
  static final String CONTROLLER = "CONTROLLER";
  private static final String AUTHORIZER =
      "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

  private BrokerProperties() {}

  static Properties of(BrokerSettings s, int controllerPort, int internalPort) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(s.nodeId()));
    props.put("controller.quorum.voters", s.quorum() != null ? s.quorum().toString()
        : s.nodeId() + "@" + s.internalHost() + ":" + controllerPort);
    props.put("controller.listener.names", CONTROLLER);
    props.put("log.dirs", s.logDir().toString());
    // One node: its own topics on it alone. A cluster: on three nodes, written to two, the same
    // durability the platform's topics get (default.replication.factor covers the internal
    // topics of Kafka Streams).
    String replication = String.valueOf(s.quorum() == null ? 1
        : s.quorum().internalReplication());
    String minIsr = s.quorum() != null && s.quorum().internalReplication() >= 3 ? "2" : "1";
    props.put("offsets.topic.replication.factor", replication);
    props.put("offsets.topic.num.partitions", "10");
    props.put("transaction.state.log.replication.factor", replication);
    props.put("transaction.state.log.min.isr", minIsr);
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", replication);
    props.put("share.coordinator.state.topic.min.isr", minIsr);
    props.put("default.replication.factor", replication);
    props.put("min.insync.replicas", minIsr);
    props.put("group.initial.rebalance.delay.ms", "0");
    if (s.quorum() == null) {
      // A lone node that misses its own controller's heartbeat deadline (a long GC pause, a
      // starved CPU: seen with thousands of site topics on a loaded 2-core box) fences itself
      // and every partition goes leaderless, with no other node to take over (ADR-020).
      props.put("broker.session.timeout.ms", "30000");
    }
    // Topics are created by the platform's provisioner with their intended partitions;
    // a typo'd topic name should fail, not silently create a one-partition topic.
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("log.retention.hours", "168");
    props.put("message.max.bytes", String.valueOf(2 * 1024 * 1024));
    // The log cleaner's key map is one heap array for the node's life (Kafka's default: 128 MB,
    // 6 % of a 2 GB heap shared with every service in one process). The platform's compacted
    // topics hold a key per site, device or setting: 32 MB maps 1.3 million keys per cleaning
    // pass; a larger log takes more passes (ADR-042).
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
    // A commit's metadata is per partition, and a site group partition holds hundreds of
    // sites: the KPI calculator notes each one's last closed window there (about 20 bytes a
    // site), past Kafka's default 4 KB at a few thousand sites (ADR-029).
    props.put("offset.metadata.max.bytes", String.valueOf(256 * 1024));
    String client = CLIENT + "://" + s.listenHost() + ":" + s.port();
    String advertisedClient = CLIENT + "://" + s.clientHost() + ":" + s.port();
    String controller = CONTROLLER + "://" + s.internalHost() + ":" + controllerPort;
    if (!s.isSecured()) {
      props.put("listeners", client + "," + controller);
      props.put("advertised.listeners", advertisedClient);
      props.put("inter.broker.listener.name", CLIENT);
      props.put("listener.security.protocol.map",
          CLIENT + ":PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
      return props;
    }
    BrokerSecurity security = s.security();
    String internal = INTERNAL + "://" + s.internalHost() + ":" + internalPort;
    props.put("listeners", client + "," + internal + "," + controller);
    props.put("advertised.listeners", advertisedClient + "," + internal);
    props.put("inter.broker.listener.name", INTERNAL);
    props.put("listener.security.protocol.map", CLIENT + ":" + security.clientProtocol() + ","
        + INTERNAL + ":SASL_PLAINTEXT," + CONTROLLER + ":SASL_PLAINTEXT");
    props.put("sasl.mechanism.controller.protocol", BrokerSecurity.INTERNAL_MECHANISM);
    props.put("sasl.mechanism.inter.broker.protocol", BrokerSecurity.INTERNAL_MECHANISM);
    props.put(listener(CLIENT, "sasl.enabled.mechanisms"), BrokerSecurity.CLIENT_MECHANISM);
    props.put(listener(CLIENT, "scram-sha-512.sasl.jaas.config"),
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    for (String name : new String[] {INTERNAL, CONTROLLER}) {
      props.put(listener(name, "sasl.enabled.mechanisms"), BrokerSecurity.INTERNAL_MECHANISM);
      props.put(listener(name, "plain.sasl.jaas.config"), plainServerJaas(security));
    }
    if (security.tls()) {
      props.put(listener(CLIENT, "ssl.keystore.location"), security.keystore().toString());
      props.put(listener(CLIENT, "ssl.keystore.password"), security.keystorePassword());
      props.put(listener(CLIENT, "ssl.key.password"), security.keystorePassword());
      props.put(listener(CLIENT, "ssl.keystore.type"), security.keystoreType());
    }
    props.put("authorizer.class.name", AUTHORIZER);
    props.put("allow.everyone.if.no.acl.found", "false");
    props.put("super.users", "User:" + security.brokerUser() + ";User:" + security.adminUser());
    return props;
  }

  /** Client settings of the broker's own user on the internal listener (PLAIN). */
  static Map<String, String> internalClient(BrokerSettings s, int internalPort) {
    BrokerSecurity security = s.security();
    return Map.of(
        "bootstrap.servers", s.internalHost() + ":" + internalPort,
        "security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", BrokerSecurity.INTERNAL_MECHANISM,
        "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"" + security.brokerUser() + "\" password=\""
            + security.brokerSecret() + "\";");
  }

  private static String listener(String name, String key) {
    return "listener.name." + name.toLowerCase() + "." + key;
  }

  /** Server side of PLAIN: the one user it knows is the broker; also its own login. */
  private static String plainServerJaas(BrokerSecurity security) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + security.brokerUser() + "\" password=\"" + security.brokerSecret() + "\" user_"
        + security.brokerUser() + "=\"" + security.brokerSecret() + "\";";
  }
}
