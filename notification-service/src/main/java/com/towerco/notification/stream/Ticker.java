package com.towerco.notification.stream;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's clock, as events: every interval it writes a tick stamped with the wall-clock
 * time to {@link NotificationTopics#TICKS}. Timers (group waits, retries, escalations) fire on
 * ticks, never on a timer thread, so replaying the same ticks decides the same. Each instance
 * ticks; extra ticks are harmless because time only moves forward.
 */
public final class Ticker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

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
      producer.send(new ProducerRecord<>(NotificationTopics.TICKS, null,
          System.currentTimeMillis(), null, new byte[0]));
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
