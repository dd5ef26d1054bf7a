package com.towerco.ingest;

import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.ingest.http.IngestRoutes;
import com.towerco.ingest.mqtt.MqttSettings;
import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's settings ({@code --set key=value} or the settings file):
 * <ul>
 *   <li>{@code ingest.gateway-id}: this gateway's name in metadata and dead letters
 *       (default {@code gw-<instance id>});</li>
 *   <li>{@code ingest.max-future-skew}: how far ahead of the gateway's clock an event may be
 *       stamped (ISO-8601 duration, default {@code PT5M});</li>
 *   <li>{@code ingest.max-in-flight}: Kafka writes outstanding before senders wait (10000);
 *       per writer (MQTT and SNMP share one, HTTP has its own);
 *       {@code ingest.kafka-linger-ms}: the MQTT/SNMP producer's linger (0),
 *       {@code ingest.http-kafka-linger-ms}: the HTTP producer's (5);</li>
 *   <li>{@code ingest.mqtt-url}: the MQTT broker ({@code tcp://} or {@code ssl://}); absent: an
 *       embedded broker on {@code ingest.mqtt-embedded-host}:{@code ingest.mqtt-embedded-port}
 *       (127.0.0.1, a free port unless given: the command line gives 1884); {@code off}: no
 *       MQTT; {@code ingest.mqtt-topic-root}: where sites publish (default
 *       {@code towerco/sites});</li>
 *   <li>{@code ingest.mqtt-username}, {@code ingest.mqtt-password}, {@code ingest.mqtt-client-id}
 *       (default {@code towerco-ingest-<gateway id>}), {@code ingest.mqtt-shared-group};</li>
 *   <li>{@code ingest.http-keys}: the HTTP gateways' hashed keys ({@link GatewayKeys});
 *       {@code ingest.http-max-body-bytes}, {@code ingest.http-max-items},
 *       {@code ingest.http-items-per-second};</li>
 *   <li>{@code ingest.snmp-port}: UDP port of the trap receiver (absent: none; 0: a free
 *       one), on {@code ingest.snmp-host} (127.0.0.1; 0.0.0.0 to take traps from the network);
 *       {@code ingest.snmp-mappings}: a mapping file (default: the bundled one);
 *       {@code ingest.snmp-communities}: v2c communities accepted (default {@code public});
 *       {@code ingest.snmp-users}: v3 USM users, {@code user:SHA256:authpass:AES128:privpass}
 *       separated by {@code ;}.</li>
 * </ul>
 */
public record IngestSettings(String gatewayId, Duration maxFutureSkew, int maxInFlight,
    Optional<MqttSettings> mqtt, boolean embeddedMqtt, String embeddedMqttHost,
    int embeddedMqttPort, GatewayKeys httpKeys, IngestRoutes.Limits httpLimits,
    String snmpHost, int snmpPort, String snmpMappings, String snmpCommunities, String snmpUsers, int kafkaLingerMs,
    int httpKafkaLingerMs) {

  /** The embedded broker's port in {@code towerco demo} and {@code run} ({@code --mqtt-port}). */
  public static final int DEFAULT_EMBEDDED_MQTT_PORT = 1884;

  public static IngestSettings of(ServiceSettings s, String instanceId) {
    String gatewayId = s.string("ingest.gateway-id", "gw-" + instanceId);
    String url = s.string("ingest.mqtt-url", null);
    boolean off = "off".equals(url);
    boolean embedded = url == null;
    String host = s.string("ingest.mqtt-embedded-host", "127.0.0.1");
    int port = s.integer("ingest.mqtt-embedded-port", 0);
    Optional<MqttSettings> mqtt = off ? Optional.empty() : Optional.of(new MqttSettings(
        embedded ? "tcp://" + host + ":" + port : url,
        s.string("ingest.mqtt-username", null), s.string("ingest.mqtt-password", null),
        s.string("ingest.mqtt-client-id", "towerco-ingest-" + gatewayId),
        s.string("ingest.mqtt-shared-group", null),
        new MqttTopicLayout(s.string("ingest.mqtt-topic-root", MqttTopicLayout.DEFAULT_ROOT))));
    IngestRoutes.Limits defaults = IngestRoutes.Limits.defaults();
    return new IngestSettings(gatewayId,
        Duration.parse(s.string("ingest.max-future-skew", "PT5M")),
        s.integer("ingest.max-in-flight", 10_000), mqtt, embedded, host, port,
        GatewayKeys.parse(s.string("ingest.http-keys", "")),
        new IngestRoutes.Limits(s.integer("ingest.http-max-body-bytes", defaults.maxBodyBytes()),
            s.integer("ingest.http-max-items", defaults.maxItems()),
            s.integer("ingest.http-items-per-second", defaults.itemsPerSecond()),
            defaults.kafkaTimeout()),
        s.string("ingest.snmp-host", "127.0.0.1"), s.integer("ingest.snmp-port", -1), s.string("ingest.snmp-mappings", null),
        s.string("ingest.snmp-communities", "public"), s.string("ingest.snmp-users", ""),
        s.integer("ingest.kafka-linger-ms", 0), s.integer("ingest.http-kafka-linger-ms", 5));
  }
}
