package com.towerco.notification.stream;

import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.AlertGroup;
import com.towerco.notification.domain.CircuitBreaker;
import com.towerco.notification.domain.Delivery;
import com.towerco.notification.domain.Escalation;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.TopicNames;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The notifier's Kafka Streams topology, built in one place:
 *
 * <pre>
 * towerco.notifications.inbox (by tenant, with ticks)
 *   ─► notifier (stores: groups, deliveries, breakers, escalations; global store: settings)
 *        ├─► towerco.notifications.requests           (for the dispatcher)
 *        └─► towerco.notifications.{tenant}.deliveries (suppressed, escalated)
 * towerco.notifications.settings ─► settings (global store)
 * </pre>
 *
 * The inbox is filled by the intake, which does the pattern subscription to every tenant's
 * topics: a Kafka Streams pattern source met new tenant topics with "topic unknown to the
 * topology" failures (Kafka 4.4.0), so the Streams part reads fixed topics only.
 */
public final class NotificationTopology {
  public static final String GROUPS = "notification-groups";
  public static final String DELIVERIES = "notification-deliveries";
  public static final String BREAKERS = "notification-breakers";
  public static final String ESCALATIONS = "notification-escalations";
  public static final String SETTINGS = "notification-settings";

  private NotificationTopology() {}

  /** Everything the topology needs from outside. */
  public record Dependencies(EventCodec codec, TopicNames topics, NotificationConfig config,
      ServiceMetrics metrics) {}

  public static Topology build(Dependencies deps) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(store(GROUPS, NotificationJson.serde(AlertGroup.class)));
    builder.addStateStore(store(DELIVERIES, NotificationJson.serde(Delivery.class)));
    builder.addStateStore(store(BREAKERS, NotificationJson.serde(CircuitBreaker.class)));
    builder.addStateStore(store(ESCALATIONS, NotificationJson.serde(Escalation.class)));
    // routing and silences: every task needs every tenant's, restored from the compacted topic
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SETTINGS),
            Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
        TopicFamily.NOTIFICATION_SETTINGS.topic(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("settings"),
        SettingsUpdater::new);
    builder.stream(NotificationTopics.INBOX, Consumed.with(Serdes.String(),
            NotificationJson.serde(NotifierInput.class)).withName("inbox"))
        .process(() -> new NotifierProcessor(deps.config(), deps.codec(), deps.topics(),
            deps.metrics()), Named.as("notifier"), GROUPS, DELIVERIES, BREAKERS, ESCALATIONS)
        .to(OUTBOUND_TOPIC, Produced.with(Serdes.String(), OUTBOUND_VALUE)
            .withName("requests-and-events"));
    return builder.build();
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> serde) {
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
      (key, value, context) -> value.topic();

  private static final Serde<Emission> OUTBOUND_VALUE = Serdes.serdeFrom(
      (topic, value) -> value.value(),
      (topic, bytes) -> {
        throw new UnsupportedOperationException("outbound records are written, not read");
      });
}
