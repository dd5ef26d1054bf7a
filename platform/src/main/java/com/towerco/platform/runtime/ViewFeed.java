package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.kafka.FetchPace;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.ServiceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-model runtime: every partition of some topics, read outside any consumer group so
 * each instance sees everything (a request can land on any instance), applied to an in-memory
 * model. Sources come in phases: phase 1 topics are read to their end before phase 2 starts
 * (so, say, lifecycle views are current before the watchers that consult them run); a source
 * is read from the beginning or from a recent point. New topics matching a pattern are picked
 * up within seconds. Probe records, tombstones and invalid records never reach the model (the
 * services that consume the topic in a group dead-letter invalid ones; a view reads them again
 * on every start and dead-letters nothing twice). A failing record is logged and skipped; a
 * broker outage is waited out; only a dead thread makes the feed not {@link #isLive live}.
 * {@link TableView} is this runtime for one compacted topic.
 */
public final class ViewFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);

  private final String name;
  private final KafkaConsumer<String, byte[]> consumer;
  private final SharedDecoder decoder;
  private final ServiceMetrics metrics;
  private final List<Source> sources;
  private final Sink sink;
  private final Clock clock;
  private final Thread thread;
  private final FetchPace pace;
  private final long discoveryMillis;
  private final int maxPollRecords;
  /** Callers blocked in {@link #awaitRead} or {@link #awaitCaughtUp}: no pause while any wait. */
  private int waiting;
  /** Callers that wait for what this feed reads other than through {@link #awaitRead}. */
  private java.util.function.BooleanSupplier othersWaiting = () -> false;
  private final Map<TopicPartition, Long> catchUp = new HashMap<>();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private boolean started;
  private int phase = 1;
  private long lastDiscovery;
  private ViewSnapshots snapshots;
  private Map<TopicPartition, Long> restored = Map.of();
  private long sinceSnapshot;
  private long lastSnapshotAt;

  /** Where the read model gets its events, in order within each partition. */
  @FunctionalInterface
  public interface Sink {
    void apply(Envelope event, SourceRecord source) throws Exception;

    /**
     * Whether the view wants events of {@code eventType}; records whose routing headers name
     * another type are skipped undecoded (see {@link EventHandler#handles}).
     */
    default boolean handles(String eventType) {
      return true;
    }

    /**
     * Applies a record from its routing headers and its bytes, without the feed decoding it
     * (a projected read of the few fields the view uses, ADR-037): false to have it decoded
     * and given to {@link #apply}. Called only for records with complete routing headers;
     * whatever it reads of the value it must check against them.
     */
    default boolean applyUndecoded(com.towerco.platform.kafka.EventHeaders.Attributes routing,
        SourceRecord source) throws Exception {
      return false;
    }
  }

  /**
   * A topic family to read: from the beginning, or from {@code replay} ago (by broker time);
   * phase 1 sources are read to their end before phase 2 sources start.
   */
  public record Source(Pattern topics, Duration replay, int phase) {
    public static Source fromBeginning(Pattern topics, int phase) {
      return new Source(topics, null, phase);
    }

    /** One topic by name, from the beginning (a compacted topic). */
    public static Source topic(String topic) {
      return new Source(Pattern.compile(Pattern.quote(topic)), null, 1);
    }

    /** The topic's name if the source is exactly one topic, else null. */
    String literal() {
      String p = topics.pattern();
      return p.startsWith("\\Q") && p.endsWith("\\E") && p.indexOf("\\E") == p.length() - 2
          ? p.substring(2, p.length() - 2) : null;
    }
  }

  /**
   * {@code metrics} counts events applied (null: not counted, for views every service shares);
   * {@code name} names the thread and the client.
   */
  public ViewFeed(KafkaClients clients, SharedDecoder decoder, ServiceMetrics metrics,
      List<Source> sources, Sink sink, Clock clock, String name) {
    this(clients, decoder, metrics, sources, sink, clock, name, FetchPace.EAGER);
  }

  /**
   * As above, reading at {@code pace} (ADR-025): while caught up and nobody waits for a record,
   * one poll per round; new topics looked for once per the pace's metadata age (or the
   * {@code consumer.metadata.max.age.ms} of the client config, {@link KafkaClients#metadataMaxAge}).
   */
  public ViewFeed(KafkaClients clients, SharedDecoder decoder, ServiceMetrics metrics,
      List<Source> sources, Sink sink, Clock clock, String name, FetchPace pace) {
    this.name = name;
    this.pace = pace;
    this.discoveryMillis = clients.metadataMaxAge(pace).toMillis();
    this.maxPollRecords = clients.maxPollRecords();
    this.consumer = clients.reader("towerco-" + name + "-" + clients.config().instanceId(),
        pace);
    this.decoder = decoder;
    this.metrics = metrics;
    this.sources = List.copyOf(sources);
    this.sink = sink;
    this.clock = clock;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /**
   * Saves the model of the topics {@code snapshots} covers and restores it on start (ADR-023);
   * call before {@link #start}.
   */
  public synchronized ViewFeed snapshots(ViewSnapshots snapshots) {
    if (started) {
      throw new IllegalStateException("snapshots are set before the feed starts");
    }
    this.snapshots = snapshots;
    return this;
  }

  public synchronized void start() {
    started = true;
    thread.start();
  }

  /** True once everything present when each source was first found has been read. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Blocks until {@link #caughtUp}, at most {@code timeout}. */
  public synchronized boolean awaitCaughtUp(Duration timeout) {
    return awaitUntil(() -> caughtUp, timeout);
  }

  /** Blocks until the record at {@code offset} of the partition has been applied. */
  public synchronized boolean awaitRead(String topic, int partition, long offset,
      Duration timeout) {
    TopicPartition tp = new TopicPartition(topic, partition);
    return awaitUntil(() -> positions.getOrDefault(tp, 0L) > offset, timeout);
  }

  private boolean awaitUntil(java.util.function.BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    waiting++;
    notifyAll(); // a paced feed reads on at once for a waiting caller
    try {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    } finally {
      waiting--;
    }
  }

  /**
   * A paced feed reads on without pausing while {@code someoneWaits}: callers that wait for
   * what it reads other than through {@link #awaitRead} (a request waiting for its command's
   * outcome in the read model); they {@link #wake} it when they start to wait.
   */
  public synchronized ViewFeed readOnWhile(java.util.function.BooleanSupplier someoneWaits) {
    this.othersWaiting = someoneWaits;
    return this;
  }

  /** Ends a pause between rounds: someone waits for what the feed reads next. */
  public synchronized void wake() {
    notifyAll();
  }

  /** Waits out the rest of the round at a paced feed, unless a caller waits for a record. */
  private synchronized void pause(long polledAt, boolean behind) throws InterruptedException {
    long wait = pace.waitMillis(polledAt, behind, System.currentTimeMillis());
    while (wait > 0 && waiting == 0 && !othersWaiting.getAsBoolean() && running) {
      wait(wait);
      wait = pace.waitMillis(polledAt, behind, System.currentTimeMillis());
    }
  }

  /** Reading (or not yet started, or closed on purpose). */
  public boolean isLive() {
    return !started || !running || thread.isAlive();
  }

  public boolean healthy() {
    return thread.isAlive();
  }

  private void run() {
    try {
      pace.enter();
      restore();
      while (running) {
        try {
          round();
          maybeSnapshot(false);
          backoff.reset();
        } catch (WakeupException e) {
          // closing
        } catch (RuntimeException e) {
          Duration pause = backoff.next();
          LOG.warn("{}: {}; trying again in {} ms", name, e.toString(), pause.toMillis());
          Thread.sleep(pause.toMillis());
        }
      }
    } catch (InterruptedException e) {
      // closing
    } catch (Error e) {
      LOG.error("{} stopped", name, e);
      throw e;
    } finally {
      if (!running) {
        maybeSnapshot(true);
      }
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void restore() {
    if (snapshots == null) {
      return;
    }
    snapshots.restore().ifPresent(r -> {
      restored = r.offsets();
      LOG.info("{}: model restored from {} ({} MB, {} partitions) in {} ms (checksum {} ms); "
          + "reading on from its offsets", name, snapshots.file(), r.bytes() >> 20,
          r.offsets().size(), r.took().toMillis(), r.checksum().toMillis());
    });
    lastSnapshotAt = System.currentTimeMillis();
  }

  /**
   * Writes a snapshot when due (or, on a clean stop, when anything covered was applied since
   * the last one): the model is as of the positions now, since this thread alone applies.
   */
  private void maybeSnapshot(boolean stopping) {
    if (snapshots == null || lastDiscovery == 0 || sinceSnapshot == 0) {
      return;
    }
    long now = System.currentTimeMillis();
    if (!stopping && (sinceSnapshot < snapshots.minRecords()
        || now - lastSnapshotAt < snapshots.interval().toMillis())) {
      return;
    }
    try {
      Map<TopicPartition, Long> offsets;
      try {
        offsets = coveredPositions();
      } catch (WakeupException e) {
        offsets = coveredPositions(); // the wakeup of close() was still pending
      }
      long start = System.nanoTime();
      long bytes = snapshots.write(offsets);
      LOG.info("{}: snapshot of {} partitions written to {} ({} MB) in {} ms", name,
          offsets.size(), snapshots.file(), bytes >> 20, (System.nanoTime() - start) / 1_000_000);
      sinceSnapshot = 0;
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("{}: snapshot not written: {}", name, e.toString());
    }
    lastSnapshotAt = now;
  }

  private Map<TopicPartition, Long> coveredPositions() {
    Map<TopicPartition, Long> offsets = new HashMap<>(restored);
    for (TopicPartition tp : consumer.assignment()) {
      if (snapshots.covers().test(tp.topic())) {
        offsets.put(tp, consumer.position(tp, Duration.ofSeconds(5)));
      }
    }
    return offsets;
  }

  private void round() throws InterruptedException {
    if (System.currentTimeMillis() - lastDiscovery >= discoveryMillis) {
      discover();
    }
    var records = consumer.poll(Duration.ofMillis(200));
    long polledAt = System.currentTimeMillis();
    for (ConsumerRecord<String, byte[]> record : records) {
      apply(record);
    }
    synchronized (this) {
      for (TopicPartition tp : consumer.assignment()) {
        positions.put(tp, consumer.position(tp));
      }
      if (!caughtUp) {
        checkCaughtUp();
      }
      notifyAll();
    }
    if (caughtUp) {
      pause(polledAt, FetchPace.behind(consumer, records, maxPollRecords));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (snapshots != null && snapshots.covers().test(record.topic())) {
      sinceSnapshot++;
    }
    if (TopicProvisioner.isProbe(record.headers()) || record.value() == null
        || record.value().length == 0) {
      return;
    }
    String type = com.towerco.platform.kafka.EventHeaders.type(record.headers());
    if (type != null && !sink.handles(type)) {
      return;
    }
    com.towerco.platform.kafka.EventHeaders.Attributes routing = type == null ? null
        : com.towerco.platform.kafka.EventHeaders.read(record.headers());
    SourceRecord source = new SourceRecord(record.topic(), record.partition(),
        record.offset(), record.key(), record.value(), record.timestamp());
    try {
      if (routing != null) {
        refuseIfAhead(routing.time());
      }
      if (routing != null && sink.applyUndecoded(routing, source)) {
        if (metrics != null) {
          metrics.eventIn(routing.type(), routing.time(), System.currentTimeMillis());
        }
        return;
      }
      Envelope event;
      if (routing != null) {
        // the headers were read once already: checked against them without a second read
        event = decoder.decode(record.topic(), record.partition(), record.offset(),
            record.value());
        com.towerco.platform.kafka.EventHeaders.checkRead(routing, event);
      } else {
        event = decoder.decode(record.topic(), record.partition(), record.offset(),
            record.value(), record.headers());
        refuseIfAhead(event.timestamp());
      }
      sink.apply(event, source);
      if (metrics != null) {
        metrics.eventIn(event.eventType(), event.timestamp(), System.currentTimeMillis());
      }
    } catch (InvalidEventException e) {
      LOG.debug("{} skips invalid record {}-{}@{}: {}", name, record.topic(),
          record.partition(), record.offset(), e.detail());
    } catch (Exception e) {
      LOG.error("{} failed on {}-{}@{}", name, record.topic(), record.partition(),
          record.offset(), e);
    }
  }

  /**
   * An event stamped further ahead of the clock than {@link FutureSkew#ALLOWED} is skipped like
   * an invalid one (the services that own such records dead-letter it, ADR-057): a view keeps
   * its state on event time (SLA clocks, the watchers' windows), which it would move past every
   * real event.
   */
  private static void refuseIfAhead(java.time.Instant time) throws InvalidEventException {
    String tooFar = FutureSkew.beyond("event time", time, System.currentTimeMillis());
    if (tooFar != null) {
      throw new InvalidEventException(com.towerco.events.RejectReason.FUTURE_TIMESTAMP, tooFar);
    }
  }

  private void discover() {
    lastDiscovery = System.currentTimeMillis();
    List<TopicPartition> fresh = new ArrayList<>();
    Map<TopicPartition, Source> sourceOf = new HashMap<>();
    for (Map.Entry<String, List<PartitionInfo>> topic : candidates().entrySet()) {
      for (Source source : sources) {
        if (source.phase() <= phase && source.topics().matcher(topic.getKey()).matches()) {
          for (PartitionInfo p : topic.getValue()) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (!assigned.contains(tp)) {
              fresh.add(tp);
              sourceOf.put(tp, source);
            }
          }
        }
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
    assigned.addAll(fresh);
    consumer.assign(new ArrayList<>(assigned));
    Map<TopicPartition, Long> byTime = new HashMap<>();
    for (TopicPartition tp : fresh) {
      Source source = sourceOf.get(tp);
      Long saved = restored.get(tp);
      if (saved != null && snapshots.covers().test(tp.topic())) {
        consumer.seek(tp, saved);
      } else if (source.replay() == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        byTime.put(tp, clock.instant().minus(source.replay()).toEpochMilli());
      }
      if (!caughtUp) {
        catchUp.put(tp, ends.get(tp));
      }
    }
    if (!byTime.isEmpty()) {
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(byTime);
      byTime.keySet().forEach(tp -> {
        OffsetAndTimestamp at = found.get(tp);
        consumer.seek(tp, at != null ? at.offset() : ends.get(tp));
      });
    }
  }

  /** Topics that may match: by name when every source is one topic, else the whole list. */
  private Map<String, List<PartitionInfo>> candidates() {
    if (sources.stream().allMatch(s -> s.literal() != null)) {
      Map<String, List<PartitionInfo>> topics = new HashMap<>();
      for (Source source : sources) {
        List<PartitionInfo> partitions = consumer.partitionsFor(source.literal(),
            Duration.ofSeconds(10));
        if (partitions != null && !partitions.isEmpty()) {
          topics.put(source.literal(), partitions);
        }
      }
      return topics;
    }
    return consumer.listTopics(Duration.ofSeconds(10));
  }

  private void checkCaughtUp() {
    catchUp.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
    if (catchUp.isEmpty() && lastDiscovery > 0) {
      if (sources.stream().anyMatch(s -> s.phase() > phase)) {
        phase++;
        LOG.info("{}: phase {} loaded, now reading phase {}", name, phase - 1, phase);
        discover();
      } else {
        caughtUp = true;
        LOG.info("{} caught up", name);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (this) {
      notifyAll(); // ends a pause between rounds
      if (!started) {
        consumer.close(Duration.ZERO);
        return;
      }
    }
    consumer.wakeup();
    try {
      // a clean stop writes a snapshot first
      thread.join(snapshots == null ? 10_000 : 120_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
