package com.towerco.notification.stream;

import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.platform.runtime.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's clock, as events: every interval it writes a tick stamped with the wall-clock
 * time to every partition of {@link NotificationTopics#INBOX}, so time passes for every
 * notifier task even when its tenants are quiet. Timers (group waits, retries, escalations)
 * fire on ticks, never on a timer thread, so replaying the same ticks decides the same. Each
 * instance ticks; extra ticks are harmless because time only moves forward.
 */
public final class Ticker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

  static final String TICK_KEY = "*";
  private static final JsonSerde<NotifierInput> TICKS = NotificationJson.serde(NotifierInput.class);

  private final Producer<String, byte[]> producer;
  private final Duration interval;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notification-ticker");
        t.setDaemon(true);
        return t;
      });

  public Ticker(Producer<String, byte[]> producer, Duration interval) {
    this.producer = producer;
    this.interval = interval;
  }

  public void start() {
    scheduler.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      long now = System.currentTimeMillis();
      byte[] tick = TICKS.encode(new NotifierInput.Tick(Instant.ofEpochMilli(now)));
      int partitions = producer.partitionsFor(NotificationTopics.INBOX).size();
      for (int p = 0; p < partitions; p++) {
        producer.send(new ProducerRecord<>(NotificationTopics.INBOX, p, now, TICK_KEY, tick));
      }
    } catch (RuntimeException e) {
      LOG.warn("tick not sent: {}", e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
