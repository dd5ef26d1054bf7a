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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
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
   * A topology's source of events: the topics matching {@code topics}, keys as text and values
   * as the raw envelope bytes, with readiness probe records already dropped and records stamped
   * too far in the future ({@link FutureSkew}) dead-lettered, so a processor sees only data.
   * Use it for every input of published topic families; {@code metrics} counts dead letters.
   */
  public static KStream<String, byte[]> events(StreamsBuilder builder, Pattern topics,
      String name, ServiceMetrics metrics) {
    return events(builder, topics, name, type -> true, metrics);
  }

  /**
   * As above, also dropping (undecoded) every record whose routing headers ({@link
   * EventHeaders}) name an event type {@code handles} refuses; records without such headers
   * pass, for the processor to decode and judge.
   */
  public static KStream<String, byte[]> events(StreamsBuilder builder, Pattern topics,
      String name, Predicate<String> handles, ServiceMetrics metrics) {
    KStream<String, Admission> judged = builder.stream(topics,
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name))
        .processValues(() -> new Admitted(handles, metrics), Named.as(name + "-without-probes"));
    judged.filter((k, v) -> v.refused(), Named.as(name + "-refused"))
        .mapValues(Admission::value, Named.as(name + "-refused-values"))
        .to(TopicFamily.DEAD_LETTER.topic(), Produced.with(Serdes.String(), Serdes.ByteArray())
            .withName(name + "-dead-letters"));
    return judged.filter((k, v) -> !v.refused(), Named.as(name + "-admitted"))
        .mapValues(Admission::value, Named.as(name + "-admitted-values"));
  }

  /** A record's value, and whether admission refused it (it then carries dlq.* headers). */
  private record Admission(byte[] value, boolean refused) { }

  /**
   * Forwards every record but readiness probes and events of types not handled; a record whose
   * Kafka timestamp or routing-header event time is too far ahead of the clock is forwarded as
   * refused, with the dead-letter headers and the current time as its timestamp (the broker
   * would refuse its own).
   */
  private static final class Admitted
      implements FixedKeyProcessor<String, byte[], Admission> {
    private final Predicate<String> handles;
    private final ServiceMetrics metrics;
    private FixedKeyProcessorContext<String, Admission> context;

    Admitted(Predicate<String> handles, ServiceMetrics metrics) {
      this.handles = handles;
      this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Admission> context) {
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
      String tooFar = FutureSkew.beyond("record timestamp", Instant.ofEpochMilli(
          record.timestamp()), now);
      if (tooFar == null) {
        tooFar = FutureSkew.beyond("event time", headerTime(record.headers()), now);
      }
      if (tooFar == null) {
        context.forward(record.withValue(new Admission(record.value(), false)));
        return;
      }
      RecordMetadata origin = context.recordMetadata().orElseThrow();
      RecordHeaders headers = new RecordHeaders(record.headers().toArray());
      DeadLetters.addReason(headers, RejectReason.FUTURE_TIMESTAMP, tooFar, metrics.service(),
          origin.topic(), origin.partition(), origin.offset());
      metrics.deadLettered(RejectReason.FUTURE_TIMESTAMP.name());
      LOG.warn("{} dead-lettered {}-{}@{}: {} {}", metrics.service(), origin.topic(),
          origin.partition(), origin.offset(), RejectReason.FUTURE_TIMESTAMP, tooFar);
      context.forward(record.withValue(new Admission(record.value(), true))
          .withHeaders(headers).withTimestamp(now));
    }

    /** The routing header's event time, or null if absent or unreadable (decoding judges). */
    private static Instant headerTime(Headers headers) {
      Header time = headers.lastHeader(EventHeaders.TIME);
      if (time == null) {
        return null;
      }
      try {
        return com.towerco.events.Rfc3339.parse(time.value());
      } catch (RuntimeException e) {
        return null;
      }
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
