package com.towerco.platform.runtime;

import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.ServiceMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service built as a Kafka Streams application: its topology is built elsewhere (one
 * {@code build()} method per service); this class owns configuration, lifecycle, health and
 * metrics. State stores are changelogged, so a restart or rebalance restores what was learned.
 */
public final class StreamsService implements PlatformService {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
  private static final int REPLACEMENTS_ALLOWED = 5;
  private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

  private final ServiceContext context;
  private final String name;
  private final String applicationId;
  private final Topology topology;
  private final Map<String, Object> overrides;
  private KafkaStreams streams;
  private AutoCloseable streamsMeters = () -> { };

  public StreamsService(ServiceContext context, String name, String applicationId,
      Topology topology, Map<String, Object> overrides) {
    this.context = context;
    this.name = name;
    this.applicationId = applicationId;
    this.topology = topology;
    this.overrides = overrides;
  }

  /** Streams settings shared by every Streams service; {@code overrides} win. */
  public static Properties properties(ServiceContext context, String applicationId,
      Map<String, Object> overrides) {
    KafkaClients clients = context.clients();
    Properties props = new Properties();
    props.putAll(clients.common());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.CLIENT_ID_CONFIG,
        applicationId + "-" + context.config().instanceId());
    Path stateDir = context.config().dataDir().resolve("streams")
        .resolve(applicationId + "-" + context.config().instanceId());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) context.config().replicationFactor());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    props.put("processing.exception.handler.global.enabled", true);
    // Site topics are many and mostly idle per partition number; waiting for every partition
    // of a task to have data (time synchronisation across partitions) costs throughput and
    // latency, and our processors keep event time per site themselves.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    props.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"),
        KafkaClients.METADATA_MAX_AGE_MS);
    props.put(StreamsConfig.consumerPrefix("max.poll.records"), 2_000);
    props.put(StreamsConfig.consumerPrefix("fetch.min.bytes"), KafkaClients.FETCH_MIN_BYTES);
    props.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), KafkaClients.FETCH_MAX_WAIT_MS);
    props.put(StreamsConfig.consumerPrefix("fetch.max.bytes"), KafkaClients.FETCH_MAX_BYTES);
    props.put(StreamsConfig.producerPrefix("linger.ms"), 5);
    props.put(StreamsConfig.producerPrefix("compression.type"), KafkaClients.COMPRESSION);
    props.put(StreamsConfig.producerPrefix("acks"), "all");
    context.config().clientProperties().forEach((k, v) -> {
      if (k.startsWith("streams.")) {
        props.put(k.substring("streams.".length()), v);
      }
    });
    props.putAll(overrides);
    return props;
  }

  /**
   * A topology's source of events, straight into its first processor: the topics matching
   * {@code topics}, keys as text and values as the raw envelope bytes, without readiness probe
   * records and without (undecoded) records whose routing headers ({@link EventHeaders}) name an
   * event type {@code handles} refuses; records without such headers pass, for the processor to
   * decode and judge. A record whose Kafka timestamp is too far in the future ({@link
   * FutureSkew}) is dead-lettered here; its event time (the routing header's or the decoded
   * envelope's) is {@code processor}'s to judge, which already reads it (ADR-057, ADR-059).
   * One admission node forwards each record to the processor or the dead-letter sink by name,
   * so a record crosses no filter on its way (ADR-059). {@code metrics} counts dead letters.
   *
   * @param processorName the processor's node name; {@code stores} the state stores it uses
   */
  public static <V> KStream<String, V> events(StreamsBuilder builder, Pattern topics,
      String name, Predicate<String> handles, ServiceMetrics metrics,
      ProcessorSupplier<String, byte[], String, V> processor, String processorName,
      String... stores) {
    String deadLetters = name + "-dead-letters";
    KStream<String, byte[]> admitted = builder.stream(topics,
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name))
        .processValues(() -> new Admitted(handles, metrics, processorName, deadLetters),
            Named.as(name + "-admission"));
    admitted.to(TopicFamily.DEAD_LETTER.topic(), Produced.with(Serdes.String(),
        Serdes.ByteArray()).withName(deadLetters));
    return admitted.process(processor, Named.as(processorName), stores);
  }

  /**
   * Forwards every record but readiness probes and events of types not handled to the
   * processor; a record whose Kafka timestamp is too far ahead of the clock goes to the
   * dead-letter sink instead, with the dead-letter headers and the current time as its timestamp
   * (the broker would refuse its own).
   */
  private static final class Admitted implements FixedKeyProcessor<String, byte[], byte[]> {
    private final Predicate<String> handles;
    private final ServiceMetrics metrics;
    private final String processor;
    private final String deadLetters;
    private FixedKeyProcessorContext<String, byte[]> context;

    Admitted(Predicate<String> handles, ServiceMetrics metrics, String processor,
        String deadLetters) {
      this.handles = handles;
      this.metrics = metrics;
      this.processor = processor;
      this.deadLetters = deadLetters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
      if (TopicProvisioner.isProbe(record.headers())) {
        return;
      }
      String type = EventHeaders.type(record.headers());
      if (type != null && !handles.test(type)) {
        return;
      }
      long now = System.currentTimeMillis();
      if (!FutureSkew.isBeyond(record.timestamp(), now)) {
        context.forward(record, processor);
        return;
      }
      String tooFar = FutureSkew.beyond("record timestamp",
          Instant.ofEpochMilli(record.timestamp()), now);
      RecordMetadata origin = context.recordMetadata().orElseThrow();
      RecordHeaders headers = new RecordHeaders(record.headers().toArray());
      DeadLetters.addReason(headers, RejectReason.FUTURE_TIMESTAMP, tooFar, metrics.service(),
          origin.topic(), origin.partition(), origin.offset());
      metrics.deadLettered(RejectReason.FUTURE_TIMESTAMP.name());
      LOG.warn("{} dead-lettered {}-{}@{}: {} {}", metrics.service(), origin.topic(),
          origin.partition(), origin.offset(), RejectReason.FUTURE_TIMESTAMP, tooFar);
      context.forward(record.withHeaders(headers).withTimestamp(now), deadLetters);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start() {
    ServiceMetrics metrics = context.metrics().forService(name);
    Properties props = properties(context, applicationId, overrides);
    props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        TimestampRefusals.class);
    props.put(TimestampRefusals.METRICS, metrics);
    streams = new KafkaStreams(topology, props);
    FailureBudget budget = new FailureBudget(REPLACEMENTS_ALLOWED, REPLACEMENT_WINDOW);
    streams.setUncaughtExceptionHandler(e -> {
      if (budget.recordAndAllow(System.currentTimeMillis())) {
        LOG.error("{}: stream thread failed, replacing it", name, e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
      }
      LOG.error("{}: stream threads failed more than {} times within {}; stopping the service "
          + "(it reports not ready) rather than replacing threads forever", name,
          REPLACEMENTS_ALLOWED, REPLACEMENT_WINDOW, e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streamsMeters = context.clients().meters().bind(streams);
    streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", name, before, now));
    metrics.lagSource(this::lag);
    streams.start();
  }

  @Override
  public boolean isReady() {
    KafkaStreams s = streams;
    return s != null && (s.state() == KafkaStreams.State.RUNNING
        || s.state() == KafkaStreams.State.REBALANCING);
  }

  /** False once the Streams client has shut down on its own (failure budget spent, fatal error). */
  @Override
  public boolean isLive() {
    KafkaStreams s = streams;
    return s == null || (s.state() != KafkaStreams.State.ERROR
        && s.state() != KafkaStreams.State.PENDING_ERROR);
  }

  public KafkaStreams streams() {
    return streams;
  }

  private long lag() {
    KafkaStreams s = streams;
    if (s == null) {
      return 0;
    }
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> m : s.metrics().entrySet()) {
      MetricName metric = m.getKey();
      if (metric.name().equals("records-lag")
          && metric.group().equals("consumer-fetch-manager-metrics")
          && metric.tags().containsKey("partition")) {
        Object value = m.getValue().metricValue();
        if (value instanceof Double d && !d.isNaN()) {
          total += d;
        }
      }
    }
    return (long) total;
  }

  @Override
  public synchronized void close() {
    if (streams != null) {
      // Leave the group: the next start (or the other instances) take the partitions over
      // at once instead of after the session timeout of a member that is not coming back.
      streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
          org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
      streams = null;
      try {
        streamsMeters.close();
      } catch (Exception e) {
        LOG.debug("{}: unbinding Kafka Streams metrics: {}", name, e.toString());
      }
    }
  }
}
