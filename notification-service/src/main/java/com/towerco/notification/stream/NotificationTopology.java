package com.towerco.notification.stream;

import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.domain.AlertGroup;
import com.towerco.notification.domain.CircuitBreaker;
import com.towerco.notification.domain.Delivery;
import com.towerco.notification.domain.Escalation;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.ConsumerService;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The notifier's Kafka Streams topology, built in one place:
 *
 * <pre>
 * towerco.alerts.*.notifications ─┐
 * towerco.incidents.*.lifecycle  ─┼─► decode ─┬─► dead letters ─► towerco.dlq
 * towerco.notifications.*.deliveries (outcomes)│
 * towerco.notifications.ticks ────┘            └─► by-tenant (repartition; ticks to every
 *     partition) ─► notifier (stores: groups, deliveries, breakers, escalations;
 *     global store: settings) ─┬─► towerco.notifications.requests ─► dispatcher
 *                              └─► towerco.notifications.{tenant}.deliveries
 * </pre>
 *
 * Alerts arrive keyed by fingerprint, so a hub failure's alerts are spread over partitions;
 * repartitioning by tenant puts each tenant's alerts, groups and timers in one task.
 */
public final class NotificationTopology {
  public static final String GROUPS = "notification-groups";
  public static final String DELIVERIES = "notification-deliveries";
  public static final String BREAKERS = "notification-breakers";
  public static final String ESCALATIONS = "notification-escalations";
  public static final String SETTINGS = "notification-settings";

  /** Every input topic but the ticks. */
  public static final Pattern INPUTS = ConsumerService.anyOf(
      TopicFamily.ALERT_NOTIFICATIONS.pattern(), TopicFamily.INCIDENT_LIFECYCLE.pattern(),
      TopicFamily.NOTIFICATION_DELIVERIES.pattern());

  private NotificationTopology() {}

  /** Everything the topology needs from outside. */
  public record Dependencies(EventCodec codec, TopicNames topics, NotificationConfig config,
      ServiceMetrics metrics) {}

  public static Topology build(Dependencies deps) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(store(GROUPS, JsonSerde.of(AlertGroup.class)));
    builder.addStateStore(store(DELIVERIES, JsonSerde.of(Delivery.class)));
    builder.addStateStore(store(BREAKERS, JsonSerde.of(CircuitBreaker.class)));
    builder.addStateStore(store(ESCALATIONS, JsonSerde.of(Escalation.class)));
    // routing and silences: every task needs every tenant's, restored from the compacted topic
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SETTINGS),
            Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
        TopicFamily.NOTIFICATION_SETTINGS.topic(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("settings"),
        SettingsUpdater::new);

    KStream<String, byte[]> events = builder.stream(INPUTS,
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("inputs"));
    KStream<String, byte[]> ticks = builder.stream(NotificationTopics.TICKS,
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("ticks"));
    KStream<String, Emission> decoded = events.merge(ticks, Named.as("inputs-and-ticks"))
        .process(() -> new InputDecoder(deps.codec(), deps.metrics()), Named.as("decode"));

    decoded.filter((k, v) -> v instanceof Emission.Outbound, Named.as("rejected"))
        .to(OUTBOUND_TOPIC, Produced.with(Serdes.String(), OUTBOUND_VALUE)
            .withName("dead-letters"));

    decoded.filter((k, v) -> v instanceof Emission.ToNotifier, Named.as("accepted"))
        .mapValues(v -> ((Emission.ToNotifier) v).input(), Named.as("inputs-only"))
        .repartition(Repartitioned.<String, NotifierInput>as("by-tenant")
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(NotifierInput.class))
            .withStreamPartitioner(new TickPartitioner()))
        .process(() -> new NotifierProcessor(deps.config(), deps.codec(), deps.topics(),
            deps.metrics()), Named.as("notifier"), GROUPS, DELIVERIES, BREAKERS, ESCALATIONS)
        .to(OUTBOUND_TOPIC, Produced.with(Serdes.String(), OUTBOUND_VALUE)
            .withName("requests-and-events"));
    return builder.build();
  }

  private static <V> org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, V>> store(
      String name, Serde<V> serde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
        serde);
  }

  /** Copies the settings topic into the global store. */
  private static final class SettingsUpdater implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> ctx) {
      store = ctx.getStateStore(SETTINGS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() != null) {
        store.put(record.key(), record.value());
      }
    }
  }

  private static final TopicNameExtractor<String, Emission> OUTBOUND_TOPIC =
      (key, value, context) -> ((Emission.Outbound) value).topic();

  private static final Serde<Emission> OUTBOUND_VALUE = Serdes.serdeFrom(
      (topic, value) -> ((Emission.Outbound) value).value(),
      (topic, bytes) -> {
        throw new UnsupportedOperationException("outbound records are written, not read");
      });
}
