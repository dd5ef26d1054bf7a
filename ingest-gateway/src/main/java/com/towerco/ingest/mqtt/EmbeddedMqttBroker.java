package com.towerco.ingest.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT broker inside the process (Moquette), so {@code towerco demo} and a single-machine
 * {@code towerco run} need nothing installed: sites publish to it, the gateway subscribes to it.
 * Sessions and queued messages live in memory (a restart of the process loses what the broker
 * held but the gateway had not yet acknowledged; production points the gateway at a real broker
 * with {@code --mqtt-url}). Anonymous, plain TCP, on the loopback interface unless told otherwise;
 * Moquette's telemetry is off.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

  private final Server server = new Server();
  private final String host;
  private final int port;

  private EmbeddedMqttBroker(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Starts on {@code port}, or on a free port when it is 0 (tests, several processes). */
  public static EmbeddedMqttBroker start(String host, int port) {
    if (port != 0) {
      return startOn(host, port);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return startOn(host, freePort(host));
      } catch (UncheckedIOException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private static EmbeddedMqttBroker startOn(String host, int port) {
    EmbeddedMqttBroker broker = new EmbeddedMqttBroker(host, port);
    Properties p = new Properties();
    p.setProperty("host", host);
    p.setProperty("port", String.valueOf(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", "true");
    // mosquitto_pub and many RTUs connect with an empty client id and a clean session
    p.setProperty("allow_zero_byte_client_id", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("immediate_buffer_flush", "true");
    p.setProperty("netty.mqtt.message_size", String.valueOf(256 * 1024));
    try {
      broker.server.startServer(new MemoryConfig(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded MQTT broker on " + host + ":"
          + port, e);
    }
    LOG.info("embedded MQTT broker on tcp://{}:{}", host, port);
    return broker;
  }

  /** The URL clients connect to. */
  public String url() {
    return "tcp://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
