package com.towerco.notification.delivery;

import com.towerco.events.Envelope;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.Receiver;
import com.towerco.notification.stream.NotificationTopics;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.TransactionalLoop;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Carries out the notifier's delivery requests. Each polled batch is sent in parallel across
 * receivers and in order within one; then, in one Kafka transaction, every attempt's outcome
 * event, the dead letter of every notification that gave up, and the consumed offsets commit
 * together. A crash after a receiver took a notification but before that commit repeats the
 * attempt with the same idempotency key: the one duplicate a receiver can see. A batch gets a
 * time budget; requests it cannot reach in time fail without calling their receiver and are
 * retried like any failure, so one slow receiver cannot stall the group.
 */
public final class Dispatcher implements AutoCloseable {
  private static final JsonSerde<DeliveryRequest> REQUESTS =
      NotificationJson.serde(DeliveryRequest.class);
  static final String OUT_OF_TIME = "not attempted: the dispatch batch ran out of time";
  /** Attempts per transaction: also the most a crash can make a dispatcher repeat. */
  static final int MAX_BATCH = 25;

  private final ServiceContext context;
  private final String service;
  private final Senders senders;
  private final Clock clock;
  private final Duration budget;
  private final ExecutorService pool;
  private final ServiceMetrics metrics;
  private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
  private final TransactionalLoop loop;

  public Dispatcher(ServiceContext context, String service, String groupId, Senders senders,
      int threads, Duration budget, Clock clock) {
    this.context = context;
    this.service = service;
    this.senders = senders;
    this.clock = clock;
    this.budget = budget;
    this.metrics = context.metrics().forService(service);
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, service + "-sender");
      t.setDaemon(true);
      return t;
    });
    this.loop = new TransactionalLoop(context, service + "-dispatcher", groupId,
        Pattern.compile(Pattern.quote(NotificationTopics.REQUESTS)), MAX_BATCH,
        budget.multipliedBy(3), metrics, this::dispatch);
    registerCounters();
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

  /** One attempt: the record, its request (null if unreadable) and what the send did. */
  private record Attempt(ConsumerRecord<String, byte[]> record, DeliveryRequest request,
      SendResult result) {}

  private void dispatch(List<ConsumerRecord<String, byte[]>> records,
      TransactionalLoop.Transaction outputs) {
    long deadline = System.nanoTime() + budget.toNanos();
    Map<String, List<ConsumerRecord<String, byte[]>>> byReceiver = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      byReceiver.computeIfAbsent(String.valueOf(record.key()), k -> new ArrayList<>())
          .add(record);
    }
    List<Future<List<Attempt>>> sends = new ArrayList<>();
    byReceiver.values().forEach(list -> sends.add(pool.submit(() -> sendAll(list, deadline))));
    List<Attempt> done = new ArrayList<>();
    for (Future<List<Attempt>> send : sends) {
      try {
        done.addAll(send.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a sender failed", e.getCause());
      }
    }
    done.forEach(attempt -> report(attempt, outputs.publisher(), outputs.deadLetters()));
  }

  private List<Attempt> sendAll(List<ConsumerRecord<String, byte[]>> records, long deadline) {
    List<Attempt> done = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      DeliveryRequest request;
      try {
        request = REQUESTS.decode(record.value());
      } catch (RuntimeException e) {
        done.add(new Attempt(record, null, SendResult.rejected(null, e.toString())));
        continue;
      }
      SendResult result;
      if (request.circuitOpen()) {
        result = SendResult.failed(null, Outcomes.CIRCUIT_OPEN);
      } else if (System.nanoTime() > deadline) {
        result = SendResult.failed(null, OUT_OF_TIME);
      } else {
        result = senders.forChannel(request.receiver().type()).send(request);
      }
      done.add(new Attempt(record, request, result));
    }
    return done;
  }

  private void report(Attempt attempt, EventPublisher publisher, DeadLetters deadLetters) {
    ConsumerRecord<String, byte[]> record = attempt.record();
    if (attempt.request() == null) {
      deadLetters.send(record, RejectReason.MALFORMED_JSON, attempt.result().error());
      return;
    }
    DeliveryRequest request = attempt.request();
    Envelope event = Outcomes.event(request, attempt.result(), clock.instant());
    NotificationAttempted.Outcome outcome = Outcomes.outcome(request, attempt.result());
    publisher.publish(TopicFamily.NOTIFICATION_DELIVERIES, request.tenant(),
        request.notification().notificationId(), event);
    count(request, outcome);
    if (outcome == NotificationAttempted.Outcome.GAVE_UP) {
      deadLetters.send(record.topic(), record.partition(), record.offset(), record.key(),
          record.value(), record.headers(), RejectReason.DELIVERY_FAILED,
          "gave up after attempt " + request.attempt() + " to " + request.receiver().name()
              + ": " + attempt.result().error());
    }
  }

  private void count(DeliveryRequest request, NotificationAttempted.Outcome outcome) {
    counter(request.receiver().type(), outcome).increment();
  }

  /**
   * Every channel and outcome is registered at zero on start, so Prometheus' increase() sees
   * the first notification given up (the TowercoNotificationsGivenUp alert).
   */
  private void registerCounters() {
    for (Receiver.Channel channel : Receiver.Channel.values()) {
      for (NotificationAttempted.Outcome outcome : NotificationAttempted.Outcome.values()) {
        counter(channel, outcome);
      }
    }
  }

  private Counter counter(Receiver.Channel type, NotificationAttempted.Outcome outcome) {
    String channel = type.wireName();
    return attempts.computeIfAbsent(channel + "/" + outcome, k -> Counter
        .builder("towerco_notification_attempts")
        .description("Delivery attempts by channel and outcome")
        .tag("service", service).tag("channel", channel)
        .tag("outcome", outcome.name().toLowerCase())
        .register(context.metrics().registry()));
  }

  @Override
  public void close() {
    loop.close();
    pool.shutdownNow();
  }
}
