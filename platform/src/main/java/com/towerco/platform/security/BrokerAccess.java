package com.towerco.platform.security;

import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.BrokerSecurity;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.kafka.KafkaClients;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secured embedded broker as the platform uses it: its security settings come from the
 * credentials store (the broker's secret is generated once and kept there), and once it runs,
 * its users, ACLs and operator topics are set up as the broker itself, over its internal
 * listener, so no super-user password ever travels to the client listener.
 */
public final class BrokerAccess {
  private BrokerAccess() {}

  /** The broker's security; TLS on the client listener when {@code keystore} is given. */
  public static BrokerSecurity security(KafkaCredentials credentials, Path keystore,
      String keystorePassword) {
    String secret = credentials.password(Principals.BROKER);
    credentials.clientProperties(Principals.BROKER, BrokerSecurity.INTERNAL_MECHANISM,
        Map.of("security.protocol", "SASL_PLAINTEXT"));
    return new BrokerSecurity(Principals.BROKER, secret, Principals.ADMIN, keystore,
        keystorePassword);
  }

  /**
   * Applies {@code plan} to the running secured {@code broker} and returns the client settings
   * of each principal for clients in this process (which trust the broker's own keystore).
   * {@code layout} gives the operator topics their partitions and replication.
   */
  public static Map<String, Map<String, String>> setUp(EmbeddedKafkaBroker broker,
      PlatformConfig layout, AclPlan plan, KafkaCredentials credentials) {
    BrokerSecurity security = broker.settings().security();
    Map<String, String> superUser = broker.superUserClientProperties();
    PlatformConfig asBroker = new PlatformConfig(superUser.get("bootstrap.servers"),
        superUser, layout.siteTopicPartitions(), layout.tenantTopicPartitions(),
        layout.replicationFactor(), layout.operatorTenant(), layout.dataDir(), "setup",
        layout.retention());
    Map<String, Map<String, String>> principals = KafkaAccessSetup.apply(
        new KafkaClients(asBroker), plan, credentials,
        Map.of("security.protocol", security.clientProtocol()));
    Map<String, Map<String, String>> inProcess = new LinkedHashMap<>();
    principals.forEach((name, props) -> {
      Map<String, String> withTrust = new HashMap<>(props);
      withTrust.putAll(trust(security));
      inProcess.put(name, withTrust);
    });
    return inProcess;
  }

  /** In-process clients trust the certificate of the broker's own keystore. */
  private static Map<String, String> trust(BrokerSecurity security) {
    if (!security.tls()) {
      return Map.of();
    }
    return Map.of("ssl.truststore.location", security.keystore().toString(),
        "ssl.truststore.password", security.keystorePassword(),
        "ssl.truststore.type", security.keystoreType());
  }
}
