package com.towerco.app.sites;

import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.ingest.snmp.TrapMappingFile;
import com.towerco.simulator.EventSink;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How simulated sites reach the platform ({@code --via}): {@code kafka} straight onto the site
 * topics (no gateway), {@code mqtt} publishing to the gateway's broker, {@code http} posting to
 * its route, {@code snmp} sending alarms as informs (the rest over MQTT).
 */
public record SiteRoutes(String via, String mqttUrl, String mqttUsername, String mqttPassword,
    String ingestUrl, String gatewayKey, String snmpHost, int snmpPort, String snmpCommunity,
    String trapMapping, String clientId) {

  public static final Duration INVENTORY_SETTLE = Duration.ofSeconds(3);

  public SiteRoutes {
    via = via.toLowerCase(Locale.ROOT);
    if (!java.util.List.of("kafka", "mqtt", "http", "snmp").contains(via)) {
      throw new IllegalArgumentException("--via is kafka, mqtt, http or snmp, not " + via);
    }
    if (via.equals("http") && (gatewayKey == null || gatewayKey.isBlank())) {
      throw new IllegalArgumentException("--via http needs a gateway key (--gateway-key or "
          + "$TOWERCO_GATEWAY_KEY; make one with 'towerco inventory gateway-key')");
    }
  }

  /** Wraps the Kafka sink (which keeps the inventory) per {@link #via}. */
  public UnaryOperator<EventSink> route() {
    return kafka -> switch (via) {
      case "mqtt" -> new ViaGateway(kafka, mqtt(), INVENTORY_SETTLE);
      case "http" -> new ViaGateway(kafka, new HttpSiteSink(ingestUrl, gatewayKey, 500),
          INVENTORY_SETTLE);
      case "snmp" -> new ViaGateway(kafka, new SnmpTrapSink(snmpHost, snmpPort, snmpCommunity,
          TrapMappingFile.load(trapMapping), mqtt()), INVENTORY_SETTLE);
      default -> kafka;
    };
  }

  private MqttSiteSink mqtt() {
    return new MqttSiteSink(mqttUrl, clientId, MqttTopicLayout.standard(), mqttUsername,
        mqttPassword);
  }
}
