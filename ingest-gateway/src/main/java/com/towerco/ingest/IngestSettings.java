package com.towerco.ingest;

import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.ingest.http.IngestRoutes;
import com.towerco.ingest.mqtt.MqttSettings;
import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's settings, each declared once in {@link #ALL} (type, bounds, default, meaning;
 * all of them in {@code docs/configuration.md}). MQTT and SNMP share one Kafka writer, HTTP
 * has its own; without {@code ingest.mqtt-url} the gateway runs an embedded MQTT broker.
 */
public record IngestSettings(String gatewayId, Duration maxFutureSkew, int maxInFlight,
    Optional<MqttSettings> mqtt, boolean embeddedMqtt, String embeddedMqttHost,
    int embeddedMqttPort, GatewayKeys httpKeys, IngestRoutes.Limits httpLimits,
    String snmpHost, int snmpPort, String snmpMappings, String snmpCommunities,
    String snmpUsers, int kafkaLingerMs, int httpKafkaLingerMs, boolean holdUnknownSites) {

  /** The embedded broker's port in {@code towerco demo} and {@code run} ({@code --mqtt-port}). */
  public static final int DEFAULT_EMBEDDED_MQTT_PORT = 1884;

  private static final IngestRoutes.Limits LIMITS = IngestRoutes.Limits.defaults();

  static final Setting<String> GATEWAY_ID = Setting.text("ingest.gateway-id", null,
      "This gateway's name in event metadata and dead letters.")
      .withDefaultText("gw-<instance id>");
  static final Setting<Duration> MAX_FUTURE_SKEW = Setting.duration("ingest.max-future-skew",
      Duration.ofMinutes(5), "How far ahead of the gateway's clock an event may be stamped.");
  /** Read by the gateway (which holds) and the inventory service (which releases). */
  public static final Setting<Boolean> HOLD_UNKNOWN_SITES = Setting.bool(
      "ingest.hold-unknown-sites", false, "Hold events of sites not yet registered (in "
          + "towerco.dlq as UNKNOWN_SITE, with the envelope they would be) and publish them when "
          + "the site is registered; off: they are only refused.");
  static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer("ingest.max-in-flight", 10_000,
      1, 1_000_000, "Kafka writes outstanding per writer before senders wait (MQTT and SNMP "
          + "share one writer, HTTP has its own).");
  static final Setting<Integer> KAFKA_LINGER_MS = Setting.integer("ingest.kafka-linger-ms", 0,
      0, 60_000, "Linger of the MQTT/SNMP producer in ms (its senders wait for each write).");
  static final Setting<Integer> HTTP_KAFKA_LINGER_MS = Setting.integer(
      "ingest.http-kafka-linger-ms", 5, 0, 60_000,
      "Linger of the HTTP producer in ms (a batch is written at once).");
  static final Setting<String> MQTT_URL = Setting.text("ingest.mqtt-url", null,
      "The MQTT broker sites publish to: tcp://host:port or ssl://host:port; off: no MQTT.")
      .checkedBy(IngestSettings::checkMqttUrl)
      .withDefaultText("an embedded broker on mqtt-embedded-host:mqtt-embedded-port");
  static final Setting<String> MQTT_EMBEDDED_HOST = Setting.text("ingest.mqtt-embedded-host",
      "127.0.0.1", "Address of the embedded MQTT broker (without ingest.mqtt-url).");
  static final Setting<Integer> MQTT_EMBEDDED_PORT = Setting.integer(
      "ingest.mqtt-embedded-port", 0, 0, 65_535,
      "Port of the embedded MQTT broker; 0: a free one (run and demo give --mqtt-port).");
  static final Setting<String> MQTT_TOPIC_ROOT = Setting.text("ingest.mqtt-topic-root",
      MqttTopicLayout.DEFAULT_ROOT, "Where sites publish: {root}/{site_id}/{kind}.");
  static final Setting<String> MQTT_USERNAME = Setting.text("ingest.mqtt-username", null,
      "MQTT user name (--mqtt-username).");
  static final Setting<String> MQTT_PASSWORD = Setting.secret("ingest.mqtt-password",
      "MQTT password of ingest.mqtt-username.");
  static final Setting<String> MQTT_CLIENT_ID = Setting.text("ingest.mqtt-client-id", null,
      "MQTT client id, stable across restarts (the broker keeps the session under it).")
      .withDefaultText("towerco-ingest-<gateway id>");
  static final Setting<String> MQTT_SHARED_GROUP = Setting.text("ingest.mqtt-shared-group",
      null, "A shared subscription group, so several gateways split the sites' messages.");
  static final Setting<String> HTTP_KEYS = Setting.text("ingest.http-keys", "",
      "The HTTP gateways' hashed keys and the sites each may send for "
          + "(bin/towerco inventory gateway-key).").checkedBy(GatewayKeys::parse);
  static final Setting<Integer> HTTP_MAX_BODY_BYTES = Setting.integer(
      "ingest.http-max-body-bytes", LIMITS.maxBodyBytes(), 1, Integer.MAX_VALUE,
      "Largest HTTP batch body in bytes (larger: 413).");
  static final Setting<Integer> HTTP_MAX_ITEMS = Setting.integer("ingest.http-max-items",
      LIMITS.maxItems(), 1, 1_000_000, "Most items in one HTTP batch (more: 413).");
  static final Setting<Integer> HTTP_ITEMS_PER_SECOND = Setting.integer(
      "ingest.http-items-per-second", LIMITS.itemsPerSecond(), 1, Integer.MAX_VALUE,
      "Items per second one HTTP gateway key may send (more: 429).");
  static final Setting<Duration> HTTP_KAFKA_TIMEOUT = Setting.duration(
      "ingest.http-kafka-timeout", LIMITS.kafkaTimeout(), "How long an HTTP batch waits for "
          + "Kafka to take its items before the answer is 503 with Retry-After.");
  static final Setting<String> SNMP_HOST = Setting.text("ingest.snmp-host", "127.0.0.1",
      "Address of the SNMP trap receiver (0.0.0.0 to take traps from the network).");
  static final Setting<Integer> SNMP_PORT = Setting.integer("ingest.snmp-port", -1, -1,
      65_535, "UDP port of the SNMP trap receiver; -1: none; 0: a free one.");
  static final Setting<String> SNMP_MAPPINGS = Setting.text("ingest.snmp-mappings", null,
      "A trap mapping file.").withDefaultText("the bundled mapping");
  static final Setting<String> SNMP_COMMUNITIES = Setting.text("ingest.snmp-communities",
      "public", "SNMP v2c communities accepted, comma-separated.");
  static final Setting<String> SNMP_USERS = Setting.text("ingest.snmp-users", "",
      "SNMP v3 USM users, user:SHA256:authpass:AES128:privpass separated by ';'.");

  /** Every gateway setting. */
  public static final List<Setting<?>> ALL = List.of(GATEWAY_ID, MAX_FUTURE_SKEW,
      HOLD_UNKNOWN_SITES,
      MAX_IN_FLIGHT, KAFKA_LINGER_MS, HTTP_KAFKA_LINGER_MS, MQTT_URL, MQTT_EMBEDDED_HOST,
      MQTT_EMBEDDED_PORT, MQTT_TOPIC_ROOT, MQTT_USERNAME, MQTT_PASSWORD, MQTT_CLIENT_ID,
      MQTT_SHARED_GROUP, HTTP_KEYS, HTTP_MAX_BODY_BYTES, HTTP_MAX_ITEMS, HTTP_ITEMS_PER_SECOND,
      HTTP_KAFKA_TIMEOUT, SNMP_HOST, SNMP_PORT, SNMP_MAPPINGS, SNMP_COMMUNITIES, SNMP_USERS);

  public static IngestSettings of(ServiceSettings s, String instanceId) {
    String gatewayId = GATEWAY_ID.orElse(s, "gw-" + instanceId);
    String url = MQTT_URL.from(s);
    boolean off = "off".equals(url);
    boolean embedded = url == null;
    String host = MQTT_EMBEDDED_HOST.from(s);
    int port = MQTT_EMBEDDED_PORT.from(s);
    Optional<MqttSettings> mqtt = off ? Optional.empty() : Optional.of(new MqttSettings(
        embedded ? "tcp://" + host + ":" + port : url,
        MQTT_USERNAME.from(s), MQTT_PASSWORD.from(s),
        MQTT_CLIENT_ID.orElse(s, "towerco-ingest-" + gatewayId),
        MQTT_SHARED_GROUP.from(s), new MqttTopicLayout(MQTT_TOPIC_ROOT.from(s))));
    return new IngestSettings(gatewayId, MAX_FUTURE_SKEW.from(s), MAX_IN_FLIGHT.from(s), mqtt,
        embedded, host, port, GatewayKeys.parse(HTTP_KEYS.from(s)),
        new IngestRoutes.Limits(HTTP_MAX_BODY_BYTES.from(s), HTTP_MAX_ITEMS.from(s),
            HTTP_ITEMS_PER_SECOND.from(s), HTTP_KAFKA_TIMEOUT.from(s)),
        SNMP_HOST.from(s), SNMP_PORT.from(s), SNMP_MAPPINGS.from(s), SNMP_COMMUNITIES.from(s),
        SNMP_USERS.from(s), KAFKA_LINGER_MS.from(s), HTTP_KAFKA_LINGER_MS.from(s),
        HOLD_UNKNOWN_SITES.from(s));
  }

  private static void checkMqttUrl(String url) {
    if (!url.equals("off") && !url.startsWith("tcp://") && !url.startsWith("ssl://")) {
      throw new IllegalArgumentException("'" + url + "' is not tcp://host:port, "
          + "ssl://host:port or off");
    }
  }
}
