package com.towerco.notification.intake;

import com.towerco.events.TopicFamily;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.notification.stream.NotificationTopics;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.TransactionalLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The first stage: reads every tenant's alert, incident-lifecycle and delivery topics (pattern
 * subscription, so a new tenant needs no restart), and hands each record to the notifier's
 * inbox keyed by tenant, or to the dead-letter topic; exactly once, in one transaction with
 * the consumed offsets. Alerts arrive keyed by fingerprint, so one hub failure's alerts are
 * spread over partitions: keying by tenant puts each tenant's alerts, groups and timers in one
 * notifier task.
 */
public final class Intake implements AutoCloseable {
  /** Every topic the intake reads. */
  public static final Pattern INPUTS = ConsumerService.anyOf(
      TopicFamily.ALERT_NOTIFICATIONS.pattern(), TopicFamily.INCIDENT_LIFECYCLE.pattern(),
      TopicFamily.NOTIFICATION_DELIVERIES.pattern());
  private static final JsonSerde<NotifierInput> INBOX = NotificationJson.serde(NotifierInput.class);

  private final InputDecoding decoding;
  private final ServiceMetrics metrics;
  private final TransactionalLoop loop;

  public Intake(ServiceContext context, String service, String groupId) {
    this.decoding = new InputDecoding(context.codec());
    this.metrics = context.metrics().forService(service);
    this.loop = new TransactionalLoop(context, service + "-intake", groupId, INPUTS, 1_000,
        Duration.ofMinutes(5), metrics, this::forward);
  }

  public void start() {
    loop.start();
  }

  public boolean isReady() {
    return loop.isReady();
  }

  public boolean isLive() {
    return loop.isLive();
  }

  public long lag() {
    return loop.lag();
  }

  private void forward(List<ConsumerRecord<String, byte[]>> records,
      TransactionalLoop.Transaction outputs) {
    Producer<String, byte[]> producer = outputs.producer();
    DeadLetters deadLetters = outputs.deadLetters();
    for (ConsumerRecord<String, byte[]> record : records) {
      InputDecoding.Decoded decoded = decoding.decode(record.topic(), record.value());
      if (decoded instanceof InputDecoding.Accepted accepted) {
        metrics.eventIn(accepted.eventType(), Instant.ofEpochMilli(accepted.eventTimeMillis()),
            System.currentTimeMillis());
        producer.send(new ProducerRecord<>(NotificationTopics.INBOX, null,
            accepted.eventTimeMillis(), accepted.tenant(), INBOX.encode(accepted.input())));
      } else if (decoded instanceof InputDecoding.Rejected rejected) {
        deadLetters.send(record, rejected.reason(), rejected.detail());
      }
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
