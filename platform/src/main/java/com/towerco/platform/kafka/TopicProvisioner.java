package com.towerco.platform.kafka;

import com.towerco.events.TopicFamily;
import com.towerco.platform.PlatformConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics on demand with the configured partitions and replication and their family's
 * settings ({@link TopicConfigs}: retention, cleanup policy, minimum in-sync replicas), sets
 * those settings again on topics that existed with others, and only reports a topic ready once
 * every partition has a leader and has acknowledged a write.
 *
 * <p>Why the probe write: right after a topic is created, an idempotent producer's first batch
 * can get NOT_LEADER_OR_FOLLOWER while a later batch is accepted; the first then fails with
 * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout and its records are lost (KAFKA-15591,
 * KAFKA-14359, KAFKA-19880, seen with Kafka 4.4.0). One synchronous, non-idempotent write per
 * partition before any real traffic closes that window. Probe records carry the
 * {@link #PROBE_HEADER} header and every consumer skips them.
 */
public final class TopicProvisioner implements AutoCloseable {
  /** Header that marks a readiness probe record; consumers ignore such records. */
  public static final String PROBE_HEADER = "towerco-probe";

  /**
   * True for a readiness probe record: not data. The one test of it; the runtimes apply it
   * before a service sees a record.
   */
  public static boolean isProbe(org.apache.kafka.common.header.Headers headers) {
    return headers.lastHeader(PROBE_HEADER) != null;
  }

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  /** Topics created, awaited and probed per call (a whole fleet's are several calls). */
  static final int CREATE_CHUNK = 250;
  /**
   * Extra wait per new partition before a batch counts as stuck: a broker makes a batch of new
   * partitions writable all at once, after opening every log of it (over a minute for 500 on
   * the shared 2-core box at load 50).
   */
  private static final Duration PATIENCE_PER_PARTITION = Duration.ofMillis(200);
  /** Threads sending probes at once (see {@link #send}). */
  private static final int PROBE_SENDERS = 32;

  private final PlatformConfig config;
  private final Admin admin;
  private final KafkaProducer<String, byte[]> probeProducer;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.ExecutorService senders =
      java.util.concurrent.Executors.newFixedThreadPool(PROBE_SENDERS, r -> {
        Thread t = new Thread(r, "topic-probe-sender");
        t.setDaemon(true);
        return t;
      });
  private volatile boolean reconcileRefused;

  public TopicProvisioner(KafkaClients clients) {
    this.config = clients.config();
    this.admin = clients.admin();
    Map<String, Object> props = clients.common();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "towerco-topic-probe-" + config.instanceId());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.RETRIES_CONFIG, 20);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.probeProducer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer());
  }

  /** The topic of a site or tenant, created and ready. */
  public String ensure(TopicFamily family, String id) {
    String topic = family.topic(id);
    ensureAll(family, List.of(topic));
    return topic;
  }

  /** A single (global) topic, created and ready. */
  public String ensure(TopicFamily family) {
    ensureAll(family, List.of(family.topic()));
    return family.topic();
  }

  /** Creates every global topic; called once when a process starts. */
  public void ensureGlobalTopics() {
    ensure(TopicFamily.INVENTORY);
    ensure(TopicFamily.DEAD_LETTER);
    ensure(TopicFamily.PLATFORM_HEALTH);
  }

  /**
   * Creates and readies many topics of one family in a few round trips: {@link #CREATE_CHUNK}
   * topics per call, each call's readiness checked on its own topics only, so the time per
   * topic does not grow with the topics already in the cluster (ADR-020).
   */
  public synchronized void ensureAll(TopicFamily family, Collection<String> topics) {
    List<String> missing = topics.stream().filter(t -> !ready.contains(t)).distinct().toList();
    for (int from = 0; from < missing.size(); from += CREATE_CHUNK) {
      ensureChunk(family, missing.subList(from, Math.min(missing.size(), from + CREATE_CHUNK)));
    }
  }

  private void ensureChunk(TopicFamily family, List<String> missing) {
    try {
      Set<String> fresh = create(missing, family);
      Map<String, TopicDescription> described = awaitLeaders(missing);
      Map<String, Integer> partitions = new HashMap<>();
      described.forEach((name, d) -> partitions.put(name, d.partitions().size()));
      probe(fresh, partitions);
      Map<String, TopicDescription> existing = new HashMap<>(described);
      existing.keySet().removeAll(fresh);
      reconcile(family, existing);
      ready.addAll(missing);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning " + describe(missing), e);
    } catch (ExecutionException | TimeoutException e) {
      // A Kafka failure (broker away, no leader yet), never the fault of the record at hand:
      // consumer loops read the batch again instead of dead-lettering it.
      throw new org.apache.kafka.common.KafkaException("cannot provision topics "
          + describe(missing), e);
    }
  }

  /** The topics for a message: all of a few, the first ones and the count of many. */
  private static String describe(List<String> topics) {
    return topics.size() <= 5 ? topics.toString()
        : topics.subList(0, 5) + " and " + (topics.size() - 5) + " more";
  }

  public boolean isReady(String topic) {
    return ready.contains(topic);
  }

  public int partitionsFor(TopicFamily family) {
    return switch (family.scope()) {
      case SITE -> config.siteTopicPartitions();
      case TENANT, GLOBAL -> config.tenantTopicPartitions();
    };
  }

  private Set<String> create(List<String> topics, TopicFamily family)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = existing(topics);
    Map<String, String> topicConfig = TopicConfigs.of(family, config,
        config.replicationFactor());
    List<NewTopic> newTopics = topics.stream().filter(t -> !existing.contains(t))
        .map(t -> new NewTopic(t, partitionsFor(family), config.replicationFactor())
            .configs(topicConfig))
        .toList();
    if (newTopics.isEmpty()) {
      return Set.of();
    }
    Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
    for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
      try {
        result.getValue().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // Another instance created it a moment ago: it is just as fresh, so probe it too.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    LOG.info("created {} topic(s) of {} ({} partitions, replication {})", newTopics.size(),
        family.template(), partitionsFor(family), config.replicationFactor());
    return newTopics.stream().map(NewTopic::name).collect(Collectors.toSet());
  }

  /**
   * Which of {@code topics} exist: described by name (cost grows with the topics asked
   * about, not with every topic of the cluster as listing them would).
   */
  private Set<String> existing(List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = new java.util.HashSet<>();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> described
        : admin.describeTopics(topics).topicNameValues().entrySet()) {
      try {
        described.getValue().get(30, TimeUnit.SECONDS);
        existing.add(described.getKey());
      } catch (ExecutionException e) {
        // not there, or not visible to this principal (as a listing would leave it out):
        // creating it says which
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            && !(e.getCause() instanceof AuthorizationException)) {
          throw e;
        }
      }
    }
    return existing;
  }

  /**
   * Sets what differs from the family's settings on topics that existed before (created by an
   * older version, by hand, or with another retention); returns how many topics changed. A
   * principal without the right to describe or alter topic configs (a service on a secured
   * cluster) leaves that to {@code towerco topics apply} run as the administrator.
   */
  public int reconcile(TopicFamily family, Map<String, TopicDescription> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (topics.isEmpty()) {
      return 0;
    }
    try {
      Map<ConfigResource, Config> current = admin.describeConfigs(topics.keySet().stream()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList())
          .all().get(30, TimeUnit.SECONDS);
      Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
      current.forEach((resource, config) -> {
        int replicas = topics.get(resource.name()).partitions().get(0).replicas().size();
        List<AlterConfigOp> ops = new ArrayList<>();
        TopicConfigs.of(family, this.config, replicas).forEach((key, value) -> {
          ConfigEntry entry = config.get(key);
          if (entry == null || !value.equals(entry.value())) {
            ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
          }
        });
        if (!ops.isEmpty()) {
          changes.put(resource, ops);
        }
      });
      if (!changes.isEmpty()) {
        admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        LOG.info("reconciled the settings of {} topic(s) of {}: {}", changes.size(),
            family.template(), changes.values().iterator().next().stream()
            .map(op -> op.configEntry().name() + "=" + op.configEntry().value()).toList());
      }
      return changes.size();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException) {
        if (!reconcileRefused) {
          reconcileRefused = true;
          LOG.info("not allowed to reconcile topic settings as this principal ({}); run "
              + "'towerco topics apply' as the administrator", e.getCause().getMessage());
        }
        return 0;
      }
      throw e;
    }
  }

  /** Reconciles every existing topic of every family; returns how many topics changed. */
  public int reconcileAll() {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      int changed = 0;
      for (TopicFamily family : TopicFamily.values()) {
        List<String> topics = names.stream()
            .filter(t -> TopicFamily.of(t).orElse(null) == family).toList();
        if (!topics.isEmpty()) {
          changed += reconcile(family, admin.describeTopics(topics).allTopicNames()
              .get(30, TimeUnit.SECONDS));
        }
      }
      return changed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reconciling topic settings", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot reconcile topic settings: " + e.getMessage(), e);
    }
  }

  private Map<String, TopicDescription> awaitLeaders(List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
            .allTopicNames().get(10, TimeUnit.SECONDS);
        boolean allLed = descriptions.values().stream().allMatch(d -> !d.partitions().isEmpty()
            && d.partitions().stream().allMatch(p -> p.leader() != null));
        if (allLed) {
          return descriptions;
        }
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no leader for every partition of " + describe(topics));
      }
      Thread.sleep(50);
    }
  }

  /**
   * Writes one probe record to every partition of the fresh topics and waits for each ack. A
   * probe refused for a retriable reason (a leader the producer does not know yet: common when
   * a thousand topics are created at once) is sent again, for as long as rounds make progress:
   * the broker opens a large batch of new partitions over a while (tens of seconds for 500 on a
   * loaded 2-core box), so the deadline is {@link #READY_TIMEOUT} plus
   * {@link #PATIENCE_PER_PARTITION} per probe without a single partition becoming writable
   * (ADR-020).
   */
  private void probe(Set<String> topics, Map<String, Integer> partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (String topic : topics) {
      for (int partition = 0; partition < partitions.get(topic); partition++) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(topic, partition, "__probe__", new byte[0]);
        record.headers().add(PROBE_HEADER, new byte[] {1});
        records.add(record);
      }
    }
    long patience = READY_TIMEOUT.toNanos() + PATIENCE_PER_PARTITION.toNanos() * records.size();
    long deadline = System.nanoTime() + patience;
    int outstanding = Integer.MAX_VALUE;
    Map<ProducerRecord<String, byte[]>, Future<RecordMetadata>> acks = send(records);
    while (!acks.isEmpty()) {
      Map<ProducerRecord<String, byte[]>, Future<RecordMetadata>> again = new HashMap<>();
      for (Map.Entry<ProducerRecord<String, byte[]>, Future<RecordMetadata>> ack
          : acks.entrySet()) {
        try {
          ack.getValue().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
            throw e;
          }
          again.put(ack.getKey(), null);
        }
      }
      if (again.size() < outstanding) {
        outstanding = again.size();
        deadline = System.nanoTime() + patience;
      }
      if (!again.isEmpty()) {
        Thread.sleep(200);
        again = send(new ArrayList<>(again.keySet()));
      }
      acks = again;
    }
  }

  /**
   * Sends the probes from several threads: a producer's first send to a topic waits for that
   * topic's metadata, and sends waiting at the same time share one metadata request, so 500
   * new topics cost a few round trips instead of 500 one after the other (ADR-020).
   */
  private Map<ProducerRecord<String, byte[]>, Future<RecordMetadata>> send(
      List<ProducerRecord<String, byte[]>> records) throws InterruptedException,
      ExecutionException {
    Map<ProducerRecord<String, byte[]>, Future<Future<RecordMetadata>>> sending =
        new HashMap<>();
    records.forEach(r -> sending.put(r, senders.submit(() -> probeProducer.send(r))));
    Map<ProducerRecord<String, byte[]>, Future<RecordMetadata>> acks = new HashMap<>();
    for (Map.Entry<ProducerRecord<String, byte[]>, Future<Future<RecordMetadata>>> s
        : sending.entrySet()) {
      acks.put(s.getKey(), s.getValue().get());
    }
    return acks;
  }

  @Override
  public void close() {
    senders.shutdownNow();
    probeProducer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
