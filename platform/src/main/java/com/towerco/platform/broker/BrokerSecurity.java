package com.towerco.platform.broker;

import java.nio.file.Path;

/**
 * Authentication and authorisation of a secured broker. Clients authenticate with SASL/SCRAM
 * ({@code SCRAM-SHA-512}; credentials live in the cluster metadata, created through the admin
 * API) on the client listener, over TLS when a keystore is given; the controller and
 * inter-broker listeners use SASL/PLAIN with the broker's own secret, because KRaft controllers
 * cannot use SCRAM (they authenticate before any metadata exists). Kafka's
 * {@code StandardAuthorizer} checks every request against the ACLs; nothing is allowed without
 * one, except to the super users: the broker itself and {@code adminUser}.
 */
public record BrokerSecurity(
    String brokerUser,
    String brokerSecret,
    String adminUser,
    Path keystore,
    String keystorePassword) {

  public static final String CLIENT_MECHANISM = "SCRAM-SHA-512";
  public static final String INTERNAL_MECHANISM = "PLAIN";

  public BrokerSecurity {
    if (brokerSecret == null || brokerSecret.length() < 16) {
      throw new IllegalArgumentException("the broker secret must have at least 16 characters");
    }
    if (keystore != null && (keystorePassword == null || keystorePassword.isEmpty())) {
      throw new IllegalArgumentException("the Kafka keystore " + keystore + " needs a password");
    }
  }

  public boolean tls() {
    return keystore != null;
  }

  /** {@code security.protocol} of the client listener. */
  public String clientProtocol() {
    return tls() ? "SASL_SSL" : "SASL_PLAINTEXT";
  }

  /** The keystore type Kafka expects, from the file name (PKCS12 unless it ends in .jks). */
  public String keystoreType() {
    return keystore.getFileName().toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12";
  }
}
