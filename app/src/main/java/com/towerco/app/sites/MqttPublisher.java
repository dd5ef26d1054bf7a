package com.towerco.app.sites;

import java.util.ArrayDeque;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * QoS 1 publishing with a window: up to the client's in-flight limit unacknowledged, waiting for
 * the oldest when Paho says the window is full (the broker's acknowledgements pace the sender).
 */
public final class MqttPublisher {
  private final MqttAsyncClient client;
  private final ArrayDeque<IMqttDeliveryToken> pending = new ArrayDeque<>();

  public MqttPublisher(MqttAsyncClient client) {
    this.client = client;
  }

  public void publish(String topic, byte[] payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    while (true) {
      while (!pending.isEmpty() && pending.peek().isComplete()) {
        pending.poll();
      }
      try {
        pending.add(client.publish(topic, message));
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || pending.isEmpty()) {
          throw e;
        }
        pending.poll().waitForCompletion(60_000);
      }
    }
  }

  /** Waits until every publish so far is acknowledged. */
  public void flush() throws MqttException {
    while (!pending.isEmpty()) {
      pending.poll().waitForCompletion(60_000);
    }
  }
}
