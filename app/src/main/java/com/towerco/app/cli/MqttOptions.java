package com.towerco.app.cli;

import com.towerco.ingest.IngestSettings;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the ingest gateway takes MQTT from: an embedded broker (the default, so a demo needs
 * nothing installed) or the broker sites already publish to. The password is the
 * secret setting {@code ingest.mqtt-password} ({@code {env:}}/{@code {file:}} in towerco.yaml, or
 * {@code TOWERCO_CFG_INGEST_MQTT_PASSWORD}), never on the command line.
 */
public final class MqttOptions {
  @Option(names = "--mqtt-url", paramLabel = "URL",
      description = "The MQTT broker sites publish to: tcp://host:1883, or ssl://host:8883 for "
          + "TLS (trust store: -Djavax.net.ssl.trustStore); 'off' for no MQTT. Default: an "
          + "embedded broker on 127.0.0.1:--mqtt-port.")
  String url;

  @Option(names = "--mqtt-port", defaultValue = "" + IngestSettings.DEFAULT_EMBEDDED_MQTT_PORT,
      description = "Port of the embedded MQTT broker (default: ${DEFAULT-VALUE}).")
  int embeddedPort;

  @Option(names = "--mqtt-username", paramLabel = "USER",
      description = "MQTT user name; its password is the secret setting ingest.mqtt-password (towerco.yaml {env:}/{file:} or TOWERCO_CFG_INGEST_MQTT_PASSWORD).")
  String username;

  /** The settings with these options under them (a --set or settings-file value wins). */
  Map<String, String> applyTo(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    if (url != null) {
      all.putIfAbsent("ingest.mqtt-url", url);
    }
    all.putIfAbsent("ingest.mqtt-embedded-port", String.valueOf(embeddedPort));
    if (username != null) {
      all.putIfAbsent("ingest.mqtt-username", username);
    }
    return all;
  }

  /** The URL sites publish to. */
  String siteUrl(Map<String, String> settings) {
    String configured = settings.get("ingest.mqtt-url");
    return configured != null ? configured : "tcp://127.0.0.1:" + settings.getOrDefault(
        "ingest.mqtt-embedded-port", String.valueOf(embeddedPort));
  }

  /** The URL sites publish to, for the start-up banner. */
  String describe(Map<String, String> settings) {
    String configured = settings.get("ingest.mqtt-url");
    return configured != null ? configured
        : "tcp://127.0.0.1:" + settings.getOrDefault("ingest.mqtt-embedded-port",
            String.valueOf(embeddedPort)) + " (embedded)";
  }
}
