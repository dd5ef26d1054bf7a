package com.towerco.app;

import com.towerco.platform.broker.BrokerSettings;
import com.towerco.platform.broker.KraftQuorum;
import java.nio.file.Path;
import java.util.List;

/**
 * How a process secures its side of Kafka. For an embedded broker: the interface it listens
 * on (loopback unless told), the host it advertises, whether clients must authenticate
 * (SASL/SCRAM, over TLS with a keystore) and be authorised by ACLs, and which tenants get a
 * read-only principal. Against an external cluster: a directory of per-service client settings
 * ({@code service-<name>.properties}, as {@code towerco kafka-access apply} writes them), so
 * each service logs in as its own principal.
 */
public record KafkaSecurity(
    String listenHost,
    String advertisedHost,
    boolean sasl,
    Path keystore,
    String keystorePassword,
    List<String> tenantPrincipals,
    boolean insecureAccepted,
    Path credentialsDir) {

  public KafkaSecurity {
    tenantPrincipals = tenantPrincipals == null ? List.of() : List.copyOf(tenantPrincipals);
    if (keystore != null && !sasl) {
      throw new IllegalArgumentException("--kafka-keystore needs --kafka-sasl: TLS without "
          + "authentication would still let anyone who reaches the broker in");
    }
    if (!tenantPrincipals.isEmpty() && !sasl) {
      throw new IllegalArgumentException("tenant principals need --kafka-sasl");
    }
  }

  /** The default: an unsecured embedded broker on the loopback interface only. */
  public static KafkaSecurity none() {
    return new KafkaSecurity(BrokerSettings.LOOPBACK, null, false, null, null, List.of(), false,
        null);
  }

  /** The embedded broker's settings (security is added by the process, from its store). */
  /** Node {@code nodeId} of a multi-node cluster with these controllers. */
  public BrokerSettings broker(Path logDir, int port, int nodeId, KraftQuorum quorum) {
    BrokerSettings settings = BrokerSettings.local(logDir, port).listenOn(listenHost, port)
        .advertising(advertisedHost).inCluster(nodeId, quorum);
    settings.requireSafeExposure(insecureAccepted || sasl);
    return settings;
  }

  public BrokerSettings broker(Path logDir, int port) {
    BrokerSettings settings = BrokerSettings.local(logDir, port).listenOn(listenHost, port)
        .advertising(advertisedHost);
    settings.requireSafeExposure(insecureAccepted || sasl);
    return settings;
  }
}
