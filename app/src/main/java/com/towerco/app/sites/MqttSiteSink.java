package com.towerco.app.sites;

import com.towerco.events.Envelope;
import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.simulator.EventSink;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Sites publishing over MQTT, as their RTUs would: each event at QoS 1 to
 * {@code towerco/sites/{site_id}/{kind}} in the device format, up to {@value #IN_FLIGHT}
 * unacknowledged publishes at a time (the broker's acknowledgements are the back-pressure).
 */
public final class MqttSiteSink implements EventSink, AutoCloseable {
  static final int IN_FLIGHT = 1_000;

  private final MqttAsyncClient client;
  private final MqttTopicLayout layout;
  private final MqttPublisher publisher;

  public MqttSiteSink(String url, String clientId, MqttTopicLayout layout, String username,
      String password) {
    this.layout = layout;
    try {
      client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(IN_FLIGHT);
      options.setAutomaticReconnect(true);
      if (username != null) {
        options.setUserName(username);
      }
      if (password != null) {
        options.setPassword(password.toCharArray());
      }
      client.connect(options).waitForCompletion(15_000);
      publisher = new MqttPublisher(client);
    } catch (MqttException e) {
      throw new IllegalStateException("cannot connect to MQTT broker " + url + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public void accept(Envelope event) {
    try {
      publisher.publish(layout.topic(event.siteId(), event.eventType()),
          DeviceMessage.bytes(DeviceMessage.of(event, false)));
    } catch (MqttException e) {
      throw new IllegalStateException("publishing to MQTT failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void flush() {
    try {
      publisher.flush();
    } catch (MqttException e) {
      throw new IllegalStateException("publishing to MQTT failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      flush();
      client.disconnect().waitForCompletion(5_000);
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
