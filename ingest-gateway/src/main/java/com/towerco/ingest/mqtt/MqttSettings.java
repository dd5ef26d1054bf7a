package com.towerco.ingest.mqtt;

/**
 * Where the gateway's MQTT client connects and as whom. {@code url} is {@code tcp://host:1883}
 * or {@code ssl://host:8883} (TLS with the JVM's trust store, or the one named by the standard
 * {@code javax.net.ssl.trustStore} properties); {@code username} and {@code password} may be
 * null. {@code clientId} must be stable across restarts: the broker keeps the session (its
 * subscription and the messages not yet acknowledged) under it. {@code sharedGroup}, when set,
 * makes the subscription a shared one so several gateways split the sites' messages;
 * {@code layout} is where sites publish.
 */
public record MqttSettings(String url, String username, String password, String clientId,
    String sharedGroup, MqttTopicLayout layout) {

  public MqttSettings {
    if (url == null || !(url.startsWith("tcp://") || url.startsWith("ssl://"))) {
      throw new IllegalArgumentException("--mqtt-url must be tcp://host:port or ssl://host:port, "
          + "not " + url);
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("the MQTT client id must not be empty");
    }
  }

  /** The same, connecting to another broker (the embedded one once it has its port). */
  public MqttSettings at(String otherUrl) {
    return new MqttSettings(otherUrl, username, password, clientId, sharedGroup, layout);
  }
}
