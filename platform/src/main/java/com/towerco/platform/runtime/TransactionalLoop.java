package com.towerco.platform.runtime;

import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional consume-process-produce runtime: each polled batch's output records and its
 * consumed offsets commit in one Kafka transaction, or neither does and the batch is read again
 * (after a growing pause while the broker is away). Readiness probe records are dropped before
 * the service sees the batch. The transaction starts with the batch's first send, so a handler
 * that does slow work (calling a receiver) first and sends last keeps the transaction short.
 * Group membership is static (the instance id), so a restarted process gets its partitions back
 * at once rather than after a session timeout. A fenced producer (another instance took the
 * transactional id over), or batches failing for reasons other than Kafka more than
 * {@value ConsumerService#FAILURES_ALLOWED} times in ten minutes, stop the loop for good;
 * {@link #isLive} then says so.
 */
public final class TransactionalLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);

  /** Handles one batch; everything it sends through {@code outputs} is in the transaction. */
  @FunctionalInterface
  public interface Batch {
    void process(List<ConsumerRecord<String, byte[]>> records, Transaction outputs)
        throws Exception;
  }

  /** What a batch may send: all of it commits with the batch's offsets, or none of it. */
  public record Transaction(Producer<String, byte[]> producer, EventPublisher publisher,
      DeadLetters deadLetters) {}

  /** Transactional ids and static members are {@code towerco-<name>-<instance id>}. */
  public static final String ID_PREFIX = "towerco-";

  private final String name;
  private final Pattern subscription;
  private final Batch batch;
  private final KafkaConsumer<String, byte[]> consumer;
  private final java.util.function.Supplier<KafkaProducer<String, byte[]>> producers;
  private final ServiceContext context;
  private KafkaProducer<String, byte[]> producer;
  private Transaction outputs;
  private final ServiceMetrics metrics;
  private final Thread thread;
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
  private final FailureBudget failures = new FailureBudget(ConsumerService.FAILURES_ALLOWED,
      Duration.ofMinutes(10));
  private volatile boolean running = true;
  /** The offset this loop last committed per partition (to tell when markers were passed). */
  private final Map<TopicPartition, Long> committedAt = new HashMap<>();
  private long lastMarkerCheckMillis;
  private volatile long lastPollMillis = System.currentTimeMillis();
  private volatile long lag;
  private long lastLagMillis;
  private boolean started;
  private boolean rewindPending;
  private final Object pauses = new Object();

  /**
   * {@code metrics} is the service's (events in and dead letters are counted there);
   * {@code maxPollInterval} bounds one batch's work.
   */
  public TransactionalLoop(ServiceContext context, String name, String groupId,
      Pattern subscription, int maxPollRecords, Duration maxPollInterval,
      ServiceMetrics metrics, Batch batch) {
    this.name = name;
    this.subscription = subscription;
    this.batch = batch;
    this.metrics = metrics;
    String id = ID_PREFIX + name + "-" + context.config().instanceId();
    Map<String, Object> consumerProps = context.clients().consumerProperties(groupId, id);
    consumerProps.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id);
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    consumerProps.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
    this.consumer = context.clients().consumer(consumerProps);
    Map<String, Object> producerProps = context.clients().producerProperties(id);
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    this.context = context;
    this.producers = () -> context.clients().producer(producerProps);
    useProducer(producers.get());
    this.thread = new Thread(this::run, name);
  }

  private void useProducer(KafkaProducer<String, byte[]> fresh) {
    this.producer = fresh;
    this.outputs = new Transaction(fresh, new EventPublisher(fresh, context.topics(),
        context.codec(), metrics), new DeadLetters(fresh, metrics));
  }

  public synchronized void start() {
    started = true;
    thread.start();
  }

  public boolean isReady() {
    return thread.isAlive() && !rewindPending
        && System.currentTimeMillis() - lastPollMillis < 60_000;
  }

  /** False once the loop has stopped on its own (fenced, or its thread died). */
  public boolean isLive() {
    return !started || !running || thread.isAlive();
  }

  private void run() {
    try {
      untilDone("init", producer::initTransactions);
      consumer.subscribe(subscription);
      while (running) {
        try {
          round();
        } catch (ProducerFencedException | WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          rewindPending = true;
          metrics.batchReread();
          boolean broker = TransientFailure.isBroker(e) || TransientFailure.isTransient(e);
          if (!broker && !failures.recordAndAllow(System.currentTimeMillis())) {
            LOG.error("{}: batches failed more than {} times within 10 minutes; stopping the "
                + "loop for good (the service reports not live)", name,
                ConsumerService.FAILURES_ALLOWED, e);
            return;
          }
          Duration pause = backoff.next();
          LOG.warn("{}: batch not committed ({}); reading it again in {} ms", name,
              e.toString(), pause.toMillis());
          pause(pause);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // closing
    } catch (ProducerFencedException e) {
      LOG.error("{}: another instance took over this transactional id; stopping", name);
    } catch (RuntimeException e) {
      if (running) {
        LOG.error("{}: stopped", name, e);
      }
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      producer.close(Duration.ofSeconds(5));
    }
  }

  private void round() {
    if (rewindPending) {
      rewind(consumer.assignment());
      rewindPending = false;
    }
    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
    lastPollMillis = System.currentTimeMillis();
    if (!records.isEmpty()) {
      commit(records);
    } else if (lastPollMillis - lastMarkerCheckMillis >= 1_000) {
      commitPassedMarkers();
      lastMarkerCheckMillis = lastPollMillis;
    }
    if (lastPollMillis - lastLagMillis >= 5_000) {
      updateLag();
      lastLagMillis = lastPollMillis;
    }
  }

  /** Waits before the next attempt; {@link #close} ends the wait. */
  private void pause(Duration pause) throws InterruptedException {
    synchronized (pauses) {
      if (running) {
        pauses.wait(Math.max(1, pause.toMillis()));
      }
    }
  }

  /** Records behind the end of the subscribed topics, as of the last few seconds. */
  public long lag() {
    return lag;
  }

  private void updateLag() {
    try {
      long total = 0;
      for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(consumer.assignment(),
          Duration.ofSeconds(2)).entrySet()) {
        total += Math.max(0, end.getValue() - consumer.position(end.getKey(),
            Duration.ofSeconds(2)));
      }
      lag = total;
    } catch (KafkaException e) {
      LOG.debug("{}: lag unavailable: {}", name, e.toString());
    }
  }

  private void commit(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    List<ConsumerRecord<String, byte[]>> data = new ArrayList<>(records.count());
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> in = records.records(tp);
      offsets.put(tp, new OffsetAndMetadata(
          Math.max(in.get(in.size() - 1).offset() + 1, position(tp))));
      for (ConsumerRecord<String, byte[]> record : in) {
        if (!TopicProvisioner.isProbe(record.headers())) {
          data.add(record);
        }
      }
    }
    try {
      producer.beginTransaction();
      batch.process(data, outputs);
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      untilDone("commit", producer::commitTransaction);
      offsets.forEach((tp, at) -> committedAt.put(tp, at.offset()));
      backoff.reset();
    } catch (ProducerFencedException | WakeupException e) {
      throw e;
    } catch (Exception e) {
      LOG.warn("{}: batch of {} not committed, reading it again: {}", name, records.count(),
          e.toString());
      abort();
      rewindPending = true;
      throw e instanceof RuntimeException r ? r : new KafkaException(e);
    }
  }

  /**
   * A topic written in transactions ends with a commit marker, which the consumer passes
   * without handing out a record, often in a fetch after the last record's. Committing only with
   * records would leave the group's committed offset one short of the end for good (lag that
   * never drains); so when the consumer's position has passed what this loop committed with no
   * record in between, that position is committed in a transaction of its own (no output: only
   * markers or aborted records were passed).
   */
  private void commitPassedMarkers() {
    Map<TopicPartition, OffsetAndMetadata> passed = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      Long committed = committedAt.get(tp);
      long position = position(tp);
      if (committed != null && position > committed) {
        passed.put(tp, new OffsetAndMetadata(position));
      }
    }
    if (passed.isEmpty()) {
      return;
    }
    try {
      producer.beginTransaction();
      producer.sendOffsetsToTransaction(passed, consumer.groupMetadata());
      untilDone("commit", producer::commitTransaction);
      passed.forEach((tp, at) -> committedAt.put(tp, at.offset()));
    } catch (ProducerFencedException | WakeupException e) {
      throw e;
    } catch (Exception e) {
      LOG.debug("{}: offsets past transaction markers not committed: {}", name, e.toString());
      abort();
    }
  }

  /** The next offset the consumer returns for {@code tp}, or -1 if it does not know it now. */
  private long position(TopicPartition tp) {
    try {
      return consumer.position(tp, Duration.ZERO);
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * Ends the open transaction without its writes. If the producer cannot (it is in a state
   * only a new producer leaves), it is replaced: the new one's {@code initTransactions} aborts
   * whatever the old one left open.
   */
  private void abort() {
    try {
      untilDone("abort", producer::abortTransaction);
    } catch (ProducerFencedException e) {
      throw e;
    } catch (KafkaException | IllegalStateException e) {
      LOG.warn("{}: cannot abort ({}); starting a new transactional producer", name,
          e.toString());
      producer.close(Duration.ZERO);
      useProducer(producers.get());
      untilDone("init", producer::initTransactions);
    }
  }

  /**
   * Runs a transaction step until it completes: a commit or abort that timed out (the broker
   * away) must be called again, not followed by anything else, or the producer refuses every
   * later transaction.
   */
  private void untilDone(String step, Runnable call) {
    while (true) {
      try {
        call.run();
        return;
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        if (!running) {
          throw e;
        }
        Duration pause = backoff.next();
        LOG.warn("{}: {} timed out; calling it again in {} ms", name, step, pause.toMillis());
        try {
          pause(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void rewind(java.util.Set<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new HashSet<>(partitions));
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
    synchronized (this) {
      if (!started) {
        consumer.close(CloseOptions.timeout(Duration.ZERO));
        producer.close(Duration.ZERO);
        return;
      }
    }
    synchronized (pauses) {
      pauses.notifyAll(); // ends a pause between attempts at once
    }
    consumer.wakeup();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
