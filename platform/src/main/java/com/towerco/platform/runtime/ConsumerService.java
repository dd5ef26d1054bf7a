package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.kafka.FetchPace;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.logging.EventLogContext;
import com.towerco.platform.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service built on a plain Kafka consumer loop: one consumer group, pattern subscription
 * (new site or tenant topics are picked up within seconds), decoding and checking of every
 * record, dead-lettering of what cannot be processed, and commits only after the handler's
 * outputs are acknowledged. {@code instances} consumers in one process share the group's
 * partitions exactly as separate processes would.
 *
 * <p>At least once, for real: before offsets are committed, every record the handler (or the
 * dead-letter sender) produced since the last commit must be confirmed written
 * ({@link ServiceContext.Outputs#confirm}). If one was not, or anything else fails in a batch,
 * nothing is committed: the loop goes back to the committed offsets, rebuilds the handler's
 * partition state as after a rebalance, and reads the records again after a growing pause
 * ({@link Backoff}). A handler failure that looks transient ({@link TransientFailure}) is
 * retried a few times before the record is dead-lettered; a failure of Kafka itself is never
 * blamed on the record. A loop that fails for other reasons more than {@value
 * #FAILURES_ALLOWED} times in ten minutes stops for good and the service reports not live
 * ({@link #isLive}).
 */
public final class ConsumerService implements PlatformService {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerService.class);
  static final int FAILURES_ALLOWED = 10;
  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(10);
  /** Attempts at handling one record whose failure looks transient. */
  static final int HANDLE_ATTEMPTS = 3;
  /** A loop that has not come round in this long is stuck, not just slow. */
  private static final long STUCK_MILLIS = 5 * 60_000;
  /** How often the brokers are asked for the end offsets of the assigned partitions. */
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
  /**
   * How long a partition must have been seen caught up before it counts as such: longer than a
   * producer takes to write what it held back while its partition's leader changed.
   */
  public static final Duration CAUGHT_UP_HOLD = Duration.ofSeconds(2);
  /** How long one round waits for the broker to say where a replay starts. */
  private static final Duration REPLAY_LOOKUP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  private final ServiceContext context;
  private final String name;
  private final String groupId;
  private final Pattern subscription;
  private final Function<ServiceContext.Outputs, EventHandler> handlers;
  private final int instances;
  private final Duration commitInterval;
  private final List<Worker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private int failuresAllowed = FAILURES_ALLOWED;
  private Duration firstPause = Duration.ofMillis(200);
  private Duration probeInterval = PROBE_INTERVAL;
  private FetchPace pace = FetchPace.EAGER;
  private Duration hold = CAUGHT_UP_HOLD;
  private Admin offsets;

  public ConsumerService(ServiceContext context, String name, String groupId,
      Pattern subscription, Supplier<EventHandler> handlers, int instances,
      Duration commitInterval) {
    this(context, name, groupId, subscription, outputs -> handlers.get(), instances,
        commitInterval);
  }

  /**
   * As above, for handlers that publish: each consumer instance's handler is built with that
   * instance's own producer (its publisher, dead-letter sender and metrics), so the runtime can
   * flush exactly the outputs of the records it commits.
   */
  public ConsumerService(ServiceContext context, String name, String groupId,
      Pattern subscription, Function<ServiceContext.Outputs, EventHandler> handlers,
      int instances, Duration commitInterval) {
    this.context = context;
    this.name = name;
    this.groupId = groupId;
    this.subscription = subscription;
    this.handlers = handlers;
    this.instances = instances;
    this.commitInterval = commitInterval;
  }

  /** For tests: a smaller failure budget and a shorter first pause; call before start. */
  ConsumerService withRetryPolicy(int failuresAllowed, Duration firstPause) {
    this.failuresAllowed = failuresAllowed;
    this.firstPause = firstPause;
    return this;
  }

  /**
   * For tests: how often end offsets are asked for, and how long a partition must be seen
   * caught up ({@link CaughtUp}); call before start.
   */
  ConsumerService withCatchUp(Duration probeInterval, Duration hold) {
    this.probeInterval = probeInterval;
    this.hold = hold;
    return this;
  }

  /**
   * How often this loop goes to the brokers (ADR-025): {@link FetchPace#EAGER} unless the
   * service declares otherwise; also sets the end-offset probe interval. Call before start.
   */
  public ConsumerService paced(FetchPace pace) {
    this.pace = pace;
    this.probeInterval = pace.probeInterval();
    return this;
  }

  /** The pace this loop was given. */
  public FetchPace pace() {
    return pace;
  }

  /** Joins several topic-family patterns into one subscription. */
  public static Pattern anyOf(Pattern... patterns) {
    StringBuilder joined = new StringBuilder();
    for (Pattern p : patterns) {
      joined.append(joined.length() == 0 ? "" : "|").append("(?:").append(p.pattern())
          .append(')');
    }
    return Pattern.compile(joined.toString());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start() {
    context.metrics().forService(name)
        .lagSource(() -> workers.stream().mapToLong(w -> w.lag).sum());
    Map<String, Object> adminProps = context.clients().adminProperties();
    adminProps.put(org.apache.kafka.clients.CommonClientConfigs.CLIENT_ID_CONFIG,
        "towerco-" + name + "-offsets-" + context.config().instanceId());
    offsets = Admin.create(adminProps);
    for (int i = 0; i < instances; i++) {
      Worker worker = new Worker(i);
      workers.add(worker);
      worker.thread.start();
    }
  }

  @Override
  public boolean isReady() {
    return !workers.isEmpty() && workers.stream().allMatch(Worker::healthy);
  }

  /** False once a consumer loop has stopped for good (it failed too often, or its thread died). */
  @Override
  public boolean isLive() {
    return workers.stream().allMatch(Worker::live);
  }

  @Override
  public synchronized void close() {
    workers.forEach(Worker::stop);
    workers.forEach(Worker::join);
    workers.clear();
    if (offsets != null) {
      offsets.close(Duration.ofSeconds(5));
      offsets = null;
    }
  }

  private final class Worker implements Runnable, ConsumerRebalanceListener {
    private final Thread thread;
    private final EventHandler handler;
    private final ServiceContext.Outputs outputs;
    private final ServiceMetrics metrics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /**
     * What this worker last committed for each partition it still owns: in a paced loop (a
     * reader of every site topic, ADR-025) a partition whose commit point has not moved is not
     * committed again (a commit of every handled partition every second was thousands of offsets
     * per group with a topic per site). An eager loop (a few command or tenant partitions) still
     * commits every handled partition each time: its commit is also what finds a broker gone
     * while it has nothing new to write, so it backs off and reads again from its commits.
     */
    private final Map<TopicPartition, EventHandler.CommitPoint> committed = new HashMap<>();
    private final int maxPollRecords;
    private final Set<TopicPartition> paused = new HashSet<>();
    /** Assigned partitions paused until they are sought to their replay point (epoch ms). */
    private final Map<TopicPartition, Long> replays = new HashMap<>();
    private final FailureBudget failures = new FailureBudget(failuresAllowed, FAILURE_WINDOW);
    private final Backoff backoff = new Backoff(firstPause, Duration.ofSeconds(30));
    private final CatchUpTracker caughtUp = new CatchUpTracker(hold,
        probeInterval.multipliedBy(3).plus(hold), System::currentTimeMillis);
    private final EndOffsetProbe probe = new EndOffsetProbe(offsets, probeInterval,
        probeInterval.multipliedBy(2));
    private volatile boolean running = true;
    private volatile boolean dead;
    private volatile long lastPollMillis = System.currentTimeMillis();
    private volatile long lastRoundMillis = System.currentTimeMillis();
    private volatile long lag;
    private boolean rereadPending;
    private long lastCommitMillis = System.currentTimeMillis();

    Worker(int index) {
      String clientId = "towerco-" + name + "-" + context.config().instanceId() + "-" + index;
      this.outputs = context.outputs(name, "-" + index);
      this.metrics = outputs.metrics();
      this.handler = handlers.apply(outputs);
      Map<String, Object> props = context.clients().consumerProperties(groupId, clientId, pace);
      this.maxPollRecords = context.clients().maxPollRecords();
      this.consumer = context.clients().consumer(props);
      this.thread = new Thread(this, name + "-" + index);
    }

    boolean healthy() {
      return live() && !rereadPending
          && System.currentTimeMillis() - lastPollMillis < 30_000;
    }

    /** Not live once the loop died or gave up; stopped on purpose (closing) counts as live. */
    boolean live() {
      if (dead) {
        return false;
      }
      if (!running) {
        return true;
      }
      return thread.isAlive() && System.currentTimeMillis() - lastRoundMillis < STUCK_MILLIS;
    }

    void stop() {
      running = false;
      synchronized (this) {
        notifyAll(); // ends a pause between attempts at once
      }
      consumer.wakeup();
    }

    void join() {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      try {
        pace.enter();
        consumer.subscribe(subscription, this);
        while (running) {
          lastRoundMillis = System.currentTimeMillis();
          try {
            round();
          } catch (WakeupException e) {
            // stop() was called; the loop condition ends it
          } catch (RuntimeException e) {
            failed(e);
          }
        }
      } catch (Error e) {
        dead = true;
        LOG.error("{}: consumer loop died", name, e);
        throw e;
      } finally {
        if (!rereadPending && !dead) {
          try {
            commit();
          } catch (RuntimeException e) {
            LOG.warn("{}: final commit failed, the batch is read again on restart: {}", name,
                e.toString());
          }
        }
        handler.close();
        consumer.close(Duration.ofSeconds(10));
        outputs.close();
      }
    }

    /**
     * Nothing of this batch is committed: read it again from the committed offsets after a
     * pause. A failure of Kafka (broker away, send timed out) is waited out for as long as it
     * lasts; anything else counts against the loop's failure budget.
     */
    private void failed(RuntimeException e) {
      rereadPending = true;
      metrics.batchReread();
      boolean broker = TransientFailure.isBroker(e) || TransientFailure.isTransient(e);
      if (!broker && !failures.recordAndAllow(System.currentTimeMillis())) {
        dead = true;
        running = false;
        LOG.error("{}: the loop failed more than {} times within {}; stopping it for good "
            + "(the service reports not live)", name, failuresAllowed, FAILURE_WINDOW, e);
        return;
      }
      Duration pause = backoff.next();
      if (broker) {
        LOG.warn("{}: batch not committed ({}); reading it again in {} ms", name, e.toString(),
            pause.toMillis());
      } else {
        LOG.error("{}: batch failed; reading it again in {} ms", name, pause.toMillis(), e);
      }
      sleep(pause.toMillis());
    }

    private void round() {
      if (!rereadPending && handler.rereadRequested()) {
        // The handler lost what it held (ADR-061): go back as after a failed batch.
        rereadPending = true;
        metrics.batchReread();
        LOG.warn("{}: the handler asks to read its partitions again", name);
      }
      if (rereadPending) {
        reread();
      }
      seekReplays();
      applyBackpressure();
      ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
      long polledAt = System.currentTimeMillis();
      lastPollMillis = polledAt;
      // partition by partition, in the order the records iterate: one TopicPartition per
      // partition of the batch, not one per record
      for (TopicPartition tp : records.partitions()) {
        for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
          process(record);
          positions.put(tp, record.offset() + 1);
        }
      }
      probe.round(caughtUp, this::position, System.currentTimeMillis());
      lag = caughtUp.lag();
      boolean behind = FetchPace.behind(consumer, records, maxPollRecords);
      try {
        handler.afterBatch(caughtUp, behind);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("afterBatch failed: " + e, e);
      }
      long now = System.currentTimeMillis();
      if (now - lastCommitMillis >= commitInterval.toMillis()) {
        commit();
        lastCommitMillis = now;
      }
      long wait = pace.waitMillis(polledAt, behind, System.currentTimeMillis());
      if (wait > 0) {
        sleep(wait);
      }
    }

    /**
     * Moves each handled partition's position past the transaction markers the consumer has
     * read after its last record (on a topic written by a transactional producer the last
     * offset is a commit marker, never handed out as a record). Without this the committed
     * offset stays one short of the end for good, and every lag computed from committed offsets
     * says the service is behind when it is not. The consumer's position is the next record it
     * would hand out, so it never skips an unhandled record.
     */
    private void passControlRecords(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        Long handled = positions.get(tp);
        java.util.OptionalLong now = handled == null ? java.util.OptionalLong.empty() : position(tp);
        if (now.isPresent() && now.getAsLong() > handled) {
          positions.put(tp, now.getAsLong());
        }
      }
    }

    /** The next offset the consumer returns for {@code tp}, if it knows it without asking. */
    private java.util.OptionalLong position(TopicPartition tp) {
      try {
        return java.util.OptionalLong.of(consumer.position(tp, Duration.ZERO));
      } catch (WakeupException e) {
        throw e;
      } catch (RuntimeException e) {
        return java.util.OptionalLong.empty();
      }
    }

    /**
     * Goes back to the committed offsets of every assigned partition and rebuilds the
     * handler's state for them as a rebalance would; throws (and stays pending) while the
     * broker cannot say what was committed.
     */
    private void reread() {
      Set<TopicPartition> assigned = consumer.assignment();
      positions.clear();
      committed.clear();
      caughtUp.rewound();
      replays.clear();
      handler.onRevoked(assigned);
      if (!assigned.isEmpty()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            consumer.committed(new HashSet<>(assigned));
        for (TopicPartition tp : assigned) {
          OffsetAndMetadata at = committed.get(tp);
          if (at != null) {
            consumer.seek(tp, at.offset());
          } else {
            consumer.seekToBeginning(List.of(tp));
          }
        }
        resume(assigned, committed);
      }
      rereadPending = false;
      LOG.info("{}: reading {} partitions again from their committed offsets", name,
          assigned.size());
    }

    private void process(ConsumerRecord<String, byte[]> record) {
      if (TopicProvisioner.isProbe(record.headers())) {
        return;
      }
      process(record, EventHeaders.read(record.headers()));
    }

    /** What became of a record. */
    private enum Outcome { HANDLED, SKIPPED, DECLINED, DEAD_LETTERED }

    /** {@code routing}: the record's routing headers as read, null if it carries none. */
    private Outcome process(ConsumerRecord<String, byte[]> record,
        EventHeaders.Attributes routing) {
      SourceRecord source = new SourceRecord(record.topic(), record.partition(),
          record.offset(), record.key(), record.value(), record.timestamp());
      if (routing != null) {
        if (!handler.handles(routing.type())) {
          return Outcome.SKIPPED; // not for this service: never decoded
        }
        if (refusedAhead(record, routing.time())) {
          return Outcome.DEAD_LETTERED;
        }
        Outcome undecoded = attempt(routing.type(), routing.id(), routing.time(), record,
            () -> handler.handleUndecoded(routing, source));
        if (undecoded != Outcome.DECLINED) {
          return undecoded;
        }
      }
      Envelope event;
      try {
        if (routing != null) {
          // the headers were read once already: checked against them without a second read
          event = context.decoder().decode(record.topic(), record.partition(), record.offset(),
              record.value());
          EventHeaders.checkRead(routing, event);
        } else {
          event = context.decoder().decode(record.topic(), record.partition(), record.offset(),
              record.value(), record.headers());
        }
      } catch (InvalidEventException e) {
        outputs.deadLetters().send(record, e.reason(), e.detail());
        return Outcome.DEAD_LETTERED;
      }
      if (routing == null && refusedAhead(record, event.timestamp())) {
        return Outcome.DEAD_LETTERED;
      }
      EventLogContext.enter(event);
      try {
        return attempt(event.eventType(), event.eventId(), event.timestamp(), record, () -> {
          handler.handle(event, source);
          return true;
        });
      } finally {
        EventLogContext.clear();
      }
    }

    /**
     * Dead-letters an event stamped further ahead of this service's clock than
     * {@link FutureSkew#ALLOWED} ({@code FUTURE_TIMESTAMP}), as a Streams service's admission
     * does (ADR-057): every consumer service keeps its state on event time, and one such event
     * would move it past every real one (the KPI calculator's windows closed early and every
     * later reading late, the watchdog judging every other site silent, SLA clocks run ahead).
     * Judged on the routing headers' time, else on the decoded envelope's.
     */
    private boolean refusedAhead(ConsumerRecord<String, byte[]> record, java.time.Instant time) {
      String tooFar = FutureSkew.beyond("event time", time, System.currentTimeMillis());
      if (tooFar == null) {
        return false;
      }
      outputs.deadLetters().send(record, RejectReason.FUTURE_TIMESTAMP, tooFar);
      return true;
    }

    /** One way of handling a record; false if the handler declined (wants it decoded). */
    private interface Step {
      boolean run() throws Exception;
    }

    /**
     * Runs the handler's step for an event; a transient failure is tried again (a few times,
     * with a short pause), a failure of Kafka fails the batch (it is read again, the record is
     * not to blame), an event the handler finds invalid ({@link InvalidEventException}) is
     * dead-lettered with the handler's reason at once, and any other failure dead-letters the
     * record as PROCESSING_FAILED and goes on with the next one. Handled or dead-lettered once
     * the record is dealt with, declined if the handler wants it decoded.
     */
    private Outcome attempt(String type, String id, java.time.Instant time,
        ConsumerRecord<String, byte[]> record, Step step) {
      for (int attempt = 1; ; attempt++) {
        try {
          if (!step.run()) {
            return Outcome.DECLINED;
          }
          metrics.eventIn(type, time, System.currentTimeMillis());
          return Outcome.HANDLED;
        } catch (WakeupException e) {
          throw e;
        } catch (InvalidEventException e) {
          outputs.deadLetters().send(record, e.reason(), e.detail());
          return Outcome.DEAD_LETTERED;
        } catch (Exception e) {
          if (TransientFailure.isBroker(e)) {
            throw e instanceof RuntimeException r ? r
                : new org.apache.kafka.common.KafkaException(e.toString(), e);
          }
          if (TransientFailure.isTransient(e) && attempt < HANDLE_ATTEMPTS) {
            LOG.warn("{}: {} {} failed ({}), trying again", name, type, id, e.toString());
            metrics.handlerRetry();
            sleep(100L << (attempt - 1));
            continue;
          }
          LOG.error("{}: failed to process {} {}", name, type, id, e);
          outputs.deadLetters().send(record, RejectReason.PROCESSING_FAILED,
              (attempt > 1 ? "after " + attempt + " attempts: " : "") + e);
          return Outcome.DEAD_LETTERED;
        }
      }
    }

    private void applyBackpressure() {
      if (handler.backpressured()) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (!paused.containsAll(assigned)) {
          consumer.pause(assigned);
          paused.addAll(assigned);
          LOG.warn("{}: paused consumption (back-pressure)", name);
        }
      } else if (!paused.isEmpty()) {
        Set<TopicPartition> resumable = new HashSet<>(paused);
        resumable.removeAll(replays.keySet());
        consumer.resume(resumable);
        paused.clear();
        LOG.info("{}: resumed consumption", name);
      }
    }

    private void commit() {
      commit(positions.keySet());
    }

    /**
     * Commits what was handled, once the handler says its state is durable and every output
     * sent so far is confirmed written; throws (committing nothing) if one was not.
     */
    private void commit(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      try {
        handler.beforeCommit();
      } catch (Exception e) {
        LOG.warn("{}: not committing, handler is not durable yet: {}", name, e.toString());
        return;
      }
      outputs.confirm();
      // Only here, not per poll: every record polled so far is handled, and the lookup is per
      // partition (thousands with a topic per site).
      passControlRecords(partitions);
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      Map<TopicPartition, EventHandler.CommitPoint> points = new HashMap<>();
      for (TopicPartition tp : partitions) {
        Long position = positions.get(tp);
        if (position != null) {
          EventHandler.CommitPoint point = handler.committable(tp, position);
          if (!pace.paced() || !point.equals(committed.get(tp))) {
            points.put(tp, point);
            offsets.put(tp, new OffsetAndMetadata(point.offset(), point.metadata()));
          }
        }
      }
      if (!offsets.isEmpty()) {
        try {
          consumer.commitSync(offsets);
          committed.putAll(points);
          backoff.reset();
        } catch (org.apache.kafka.common.errors.RebalanceInProgressException
            | org.apache.kafka.clients.consumer.CommitFailedException e) {
          // A rebalance is under way; the offsets are committed on revocation or next time.
          LOG.debug("{}: commit deferred by a rebalance: {}", name, e.toString());
        } catch (org.apache.kafka.common.errors.OffsetMetadataTooLarge e) {
          // Not a broker outage to wait out: the broker refuses this loop's commit notes for good
          // (a KPI note lists the sites of a partition, ADR-029). Say what to change; the loop's
          // failure budget then stops it and the service reports not live. (No cause chained: a
          // Kafka exception as cause would be taken for a broker outage and waited out.)
          throw new IllegalStateException(name + ": the broker refuses a commit note of up to "
              + offsets.values().stream().mapToInt(o -> o.metadata().length()).max().orElse(0)
              + " characters (" + e.getMessage() + "); raise the brokers' "
              + "offset.metadata.max.bytes (the embedded broker allows 262144; see ADR-029)");
        }
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!rereadPending) {
        try {
          commit(partitions);
        } catch (RuntimeException e) {
          // Not committed: the new owner reads these again; this loop rereads what it keeps
          // (counted like any other going back: during a broker outage the group may revoke
          // before a commit in the loop fails, and it is then this commit that fails).
          rereadPending = true;
          metrics.batchReread();
          LOG.warn("{}: not committing revoked partitions: {}", name, e.toString());
        }
      }
      partitions.forEach(positions::remove);
      partitions.forEach(committed::remove);
      partitions.forEach(replays::remove);
      paused.removeAll(partitions);
      caughtUp.revoked(partitions);
      handler.onRevoked(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(positions::remove);
      partitions.forEach(committed::remove);
      partitions.forEach(replays::remove);
      paused.removeAll(partitions);
      caughtUp.revoked(partitions);
      handler.onRevoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      partitions.forEach(committed::remove);
      caughtUp.assigned(partitions, partitionCounts(partitions));
      resume(partitions, consumer.committed(new HashSet<>(partitions)));
    }

    /** How many partitions each topic of {@code partitions} has, as the consumer's metadata says. */
    private Map<String, Integer> partitionCounts(Collection<TopicPartition> partitions) {
      Map<String, Integer> counts = new HashMap<>();
      for (TopicPartition tp : partitions) {
        if (!counts.containsKey(tp.topic())) {
          try {
            counts.put(tp.topic(), consumer.partitionsFor(tp.topic(), Duration.ofSeconds(5))
                .size());
          } catch (WakeupException e) {
            throw e;
          } catch (RuntimeException e) {
            LOG.debug("{}: partitions of {} unknown: {}", name, tp.topic(), e.toString());
          }
        }
      }
      return counts;
    }

    /**
     * Tells the handler about partitions it now reads (with the note committed with each),
     * then seeks where the handler keeps its own offsets or wants to replay from.
     */
    private void resume(Collection<TopicPartition> partitions,
        Map<TopicPartition, OffsetAndMetadata> committed) {
      Map<TopicPartition, String> notes = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata c = committed.get(tp);
        notes.put(tp, c == null ? "" : c.metadata());
      }
      handler.onAssigned(notes);
      handler.storedOffsets(partitions).forEach(consumer::seek);
      for (TopicPartition tp : partitions) {
        handler.replayFrom(tp).ifPresent(from -> replays.put(tp, from.toEpochMilli()));
      }
      if (!replays.isEmpty()) {
        // Looked up by the loop, not here: a rebalance listener that asks the broker about a
        // whole fleet's partitions can time out and fail the rebalance (ADR-020). Paused until
        // then, so nothing is read from the wrong place.
        consumer.pause(replays.keySet());
      }
    }

    /**
     * Seeks the partitions waiting for a replay point to the offset of that time (the end if
     * there is none) and resumes them; on a timeout they stay paused and the next round asks
     * again.
     */
    private void seekReplays() {
      if (replays.isEmpty()) {
        return;
      }
      Map<TopicPartition, Long> asked = new HashMap<>(replays);
      Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> found;
      Map<TopicPartition, Long> ends;
      try {
        found = consumer.offsetsForTimes(asked, REPLAY_LOOKUP_TIMEOUT);
        ends = consumer.endOffsets(asked.keySet(), REPLAY_LOOKUP_TIMEOUT);
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        LOG.warn("{}: replay points of {} partitions not known yet ({}); asking again", name,
            asked.size(), e.getMessage());
        return;
      }
      asked.keySet().forEach(tp -> {
        var at = found.get(tp);
        consumer.seek(tp, at != null ? at.offset() : ends.get(tp));
        replays.remove(tp);
      });
      Set<TopicPartition> resumable = new HashSet<>(asked.keySet());
      resumable.removeAll(paused);
      consumer.resume(resumable);
    }

    private synchronized void sleep(long millis) {
      try {
        if (running) {
          wait(Math.max(1, millis));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
