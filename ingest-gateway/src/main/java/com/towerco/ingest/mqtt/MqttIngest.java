package com.towerco.ingest.mqtt;

import com.towerco.ingest.domain.Arrival;
import com.towerco.ingest.domain.EdgeContract;
import com.towerco.ingest.domain.Outcome;
import com.towerco.ingest.domain.Protocol;
import com.towerco.ingest.kafka.SiteEventWriter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT adapter: subscribes at QoS 1 to the sites' topics ({@link MqttTopicLayout}) in a
 * persistent session, checks each message against the edge contract and acknowledges it (Paho
 * manual acks) only once Kafka has it, as an event or as a dead letter. A message in flight when
 * the gateway stops is not acknowledged, so the broker delivers it again to the next session
 * under the same client id; its event id is the same (given by the device, or derived from its
 * bytes), so consumers count it once. While Kafka is behind, the callback thread waits for room
 * in the writer and Paho stops reading: the broker holds the rest (back-pressure). A Kafka write
 * that fails leaves its message unacknowledged and reconnects the session so the broker
 * delivers it again.
 */
public final class MqttIngest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

  private final MqttSettings settings;
  private final EdgeContract contract;
  private final SiteEventWriter writer;
  private final String gatewayId;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options = new MqttConnectOptions();
  private final ExecutorService recovery = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mqtt-ingest-recovery");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean recovering = new AtomicBoolean();
  private volatile boolean subscribed;
  private volatile boolean closing;
  private volatile boolean dead;

  public MqttIngest(MqttSettings settings, EdgeContract contract, SiteEventWriter writer,
      String gatewayId) {
    this.settings = settings;
    this.contract = contract;
    this.writer = writer;
    this.gatewayId = gatewayId;
    try {
      this.client = new MqttAsyncClient(settings.url(), settings.clientId(),
          new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot use MQTT broker " + settings.url() + ": "
          + e.getMessage(), e);
    }
    client.setManualAcks(true);
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(5_000);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().toCharArray());
    }
    client.setCallback(new Callback());
  }

  /**
   * How long {@link #start} keeps trying: a broker still starting, or one that drops the first
   * connection (an embedded broker under load closed it before the subscription arrived), is
   * not a reason for the gateway to fail its start; one away for longer is.
   */
  static final Duration START_PATIENCE = Duration.ofSeconds(30);

  /**
   * Connects and subscribes; returns once the subscription is in place. Tries again with a
   * growing pause (0.5 to 5 s) for up to {@link #START_PATIENCE}, then fails with the last error;
   * fails at once if the broker refuses the gateway's credentials or client id.
   */
  public void start() {
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    long pauseMillis = 500;
    while (true) {
      try {
        if (!client.isConnected()) { // Paho may have reconnected by itself meanwhile
          client.connect(options).waitForCompletion(15_000);
        }
        subscribe();
        break;
      } catch (MqttException e) {
        if (refused(e) || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
          throw new IllegalStateException("cannot connect to MQTT broker " + settings.url()
              + " as " + settings.clientId() + ": " + e.getMessage(), e);
        }
        LOG.warn("MQTT ingest cannot connect and subscribe yet ({}); again in {} ms",
            e.getMessage(), pauseMillis);
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while connecting to " + settings.url(), e);
      }
      pauseMillis = Math.min(pauseMillis * 2, 5_000);
    }
    LOG.info("MQTT ingest subscribed to {} on {} as {}",
        settings.layout().filter(settings.sharedGroup()), settings.url(), settings.clientId());
  }

  /** The broker refused who we are (credentials, client id, protocol): trying again won't help. */
  private static boolean refused(MqttException e) {
    int code = e.getReasonCode();
    return code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
        || code == MqttException.REASON_CODE_NOT_AUTHORIZED
        || code == MqttException.REASON_CODE_INVALID_CLIENT_ID
        || code == MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION;
  }

  /** Connected and subscribed. */
  public boolean isReady() {
    return subscribed && client.isConnected();
  }

  /**
   * False once MQTT intake cannot come back without a restart: the client was closed or the
   * recovery thread died. A lost connection is only not ready (Paho reconnects; a failed
   * recovery tries again).
   */
  public boolean isLive() {
    return closing || (!dead && !recovery.isTerminated());
  }

  private void subscribe() throws MqttException {
    client.subscribe(settings.layout().filter(settings.sharedGroup()), 1)
        .waitForCompletion(15_000);
    subscribed = true;
  }

  void onMessage(String topic, MqttMessage message) throws InterruptedException {
    var address = settings.layout().parse(topic);
    Arrival arrival = new Arrival(Protocol.MQTT, gatewayId, topic,
        address.map(MqttTopicLayout.Address::siteId).orElse(null),
        address.map(MqttTopicLayout.Address::eventType).orElse(null), message.getPayload());
    Outcome outcome = address.isPresent() ? contract.check(arrival)
        : new Outcome.Rejected(com.towerco.events.RejectReason.SCHEMA_VIOLATION,
            "topic '" + topic + "' is not " + settings.layout().root() + "/{site_id}/{kind}",
            null);
    int id = message.getId();
    int qos = message.getQos();
    writer.write(arrival, outcome).whenComplete((written, error) -> {
      if (error == null) {
        acknowledge(id, qos);
      } else {
        LOG.error("Kafka write failed for MQTT message {} on {}; leaving it unacknowledged",
            id, topic, error);
        recover();
      }
    });
  }

  private void acknowledge(int id, int qos) {
    if (qos == 0 || closing) {
      return;
    }
    try {
      client.messageArrivedComplete(id, qos);
    } catch (MqttException e) {
      // The session dropped: the broker delivers the message again after reconnecting.
      LOG.debug("could not acknowledge MQTT message {}: {}", id, e.getMessage());
    }
  }

  /** Drops the connection so the broker delivers every unacknowledged message again. */
  private void recover() {
    if (closing || !recovering.compareAndSet(false, true)) {
      return;
    }
    recovery.execute(() -> {
      try {
        reconnectUntilSubscribed();
      } catch (RuntimeException | Error e) {
        dead = true;
        LOG.error("MQTT ingest recovery stopped for good", e);
        throw e;
      } finally {
        recovering.set(false);
      }
    });
  }

  /** After an explicit disconnect Paho does not reconnect by itself: try until it works. */
  private void reconnectUntilSubscribed() {
    long pauseMillis = 500;
    while (!closing) {
      try {
        if (client.isConnected()) {
          client.disconnectForcibly(1_000, 1_000);
        }
        client.connect(options).waitForCompletion(15_000);
        subscribe();
        return;
      } catch (MqttException e) {
        LOG.warn("MQTT reconnect after a failed Kafka write: {}; again in {} ms",
            e.getMessage(), pauseMillis);
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pauseMillis = Math.min(pauseMillis * 2, 5_000);
    }
  }

  @Override
  public void close() {
    closing = true;
    recovery.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 2_000, false);
      }
    } catch (MqttException e) {
      LOG.debug("MQTT disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("MQTT close: {}", e.getMessage());
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (reconnect) {
        LOG.info("MQTT ingest reconnected to {}", serverUri);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("MQTT ingest lost its connection: {}", cause == null ? "" : cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
      onMessage(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // the gateway publishes nothing
    }
  }
}
