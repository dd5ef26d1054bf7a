package com.towerco.notification.delivery;

import com.towerco.events.Envelope;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.NotificationAttempted;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.stream.JsonSerde;
import com.towerco.notification.stream.NotificationTopics;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.ServiceContext;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the notifier's delivery requests. Each polled batch is sent in parallel across
 * receivers and in order within one; then, in one Kafka transaction, every attempt's outcome
 * event, the dead letter of every notification that gave up, and the consumed offsets are
 * committed together. A crash after a receiver took a notification but before that commit
 * repeats the attempt, with the same idempotency key: the one duplicate a receiver can see.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final JsonSerde<DeliveryRequest> REQUESTS = JsonSerde.of(DeliveryRequest.class);

  private final ServiceContext context;
  private final String service;
  private final Senders senders;
  private final Clock clock;
  private final ExecutorService pool;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final EventPublisher publisher;
  private final DeadLetters deadLetters;
  private final ServiceMetrics metrics;
  private final Map<String, Counter> attempts = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long lastPollMillis = System.currentTimeMillis();

  public Dispatcher(ServiceContext context, String service, String groupId, Senders senders,
      int threads, Clock clock) {
    this.context = context;
    this.service = service;
    this.senders = senders;
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, service + "-sender");
      t.setDaemon(true);
      return t;
    });
    String id = "towerco-" + service + "-dispatcher-" + context.config().instanceId();
    Map<String, Object> consumerProps = context.clients().consumerProperties(groupId, id);
    // a restarted instance takes its partitions back at once instead of after a session timeout
    consumerProps.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
        new ByteArrayDeserializer());
    Map<String, Object> producerProps = context.clients().producerProperties(id);
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    this.producer = new KafkaProducer<>(producerProps, new StringSerializer(),
        new ByteArraySerializer());
    this.metrics = context.metrics().forService(service);
    this.publisher = new EventPublisher(producer, context.topics(), context.codec(), metrics);
    this.deadLetters = new DeadLetters(producer, metrics);
    this.thread = new Thread(this::run, service + "-dispatcher");
  }

  public void start() {
    thread.start();
  }

  public boolean isReady() {
    return thread.isAlive() && System.currentTimeMillis() - lastPollMillis < 60_000;
  }

  private void run() {
    try {
      producer.initTransactions();
      consumer.subscribe(List.of(NotificationTopics.REQUESTS));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        lastPollMillis = System.currentTimeMillis();
        if (!records.isEmpty()) {
          commit(records, dispatch(records));
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (ProducerFencedException e) {
      LOG.error("{}: another dispatcher took over this transactional id; stopping", service);
    } catch (RuntimeException e) {
      LOG.error("{}: dispatcher stopped", service, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** One attempt: the record, its request (null if unreadable) and what the send did. */
  private record Attempt(ConsumerRecord<String, byte[]> record, DeliveryRequest request,
      SendResult result) {}

  private List<Attempt> dispatch(ConsumerRecords<String, byte[]> records) {
    Map<String, List<ConsumerRecord<String, byte[]>>> byReceiver = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) == null) {
        byReceiver.computeIfAbsent(String.valueOf(record.key()), k -> new ArrayList<>())
            .add(record);
      }
    }
    List<Future<List<Attempt>>> sends = new ArrayList<>();
    byReceiver.values().forEach(list -> sends.add(pool.submit(() -> sendAll(list))));
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
    return done;
  }

  private List<Attempt> sendAll(List<ConsumerRecord<String, byte[]>> records) {
    List<Attempt> done = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      DeliveryRequest request;
      try {
        request = REQUESTS.decode(record.value());
      } catch (RuntimeException e) {
        done.add(new Attempt(record, null, SendResult.rejected(null, e.toString())));
        continue;
      }
      SendResult result = request.circuitOpen() ? SendResult.failed(null, Outcomes.CIRCUIT_OPEN)
          : senders.forChannel(request.receiver().type()).send(request);
      done.add(new Attempt(record, request, result));
    }
    return done;
  }

  private void commit(ConsumerRecords<String, byte[]> records, List<Attempt> done) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> inPartition = records.records(tp);
      offsets.put(tp, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    try {
      producer.beginTransaction();
      for (Attempt attempt : done) {
        report(attempt);
      }
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("{}: committing {} outcomes failed, they will be attempted again: {}", service,
          done.size(), e.toString());
      producer.abortTransaction();
      rewind(offsets.keySet());
    }
  }

  private void report(Attempt attempt) {
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
    String channel = request.receiver().type().wireName();
    attempts.computeIfAbsent(channel + "/" + outcome, k -> Counter
        .builder("towerco_notification_attempts")
        .description("Delivery attempts by channel and outcome")
        .tag("service", service).tag("channel", channel)
        .tag("outcome", outcome.name().toLowerCase())
        .register(context.metrics().registry())).increment();
  }

  private void rewind(Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(
        partitions));
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata at = committed.get(tp);
      if (at != null) {
        consumer.seek(tp, at.offset());
      } else {
        consumer.seekToBeginning(List.of(tp));
      }
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
  }
}
