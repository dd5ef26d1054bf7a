package com.towerco.notification.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.domain.DeliveryPolicy;
import com.towerco.notification.domain.Settings;
import com.towerco.notification.domain.Silence;
import com.towerco.notification.domain.TenantRouting;
import com.towerco.notification.settings.SettingsRecords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's settings: the global store that mirrors the settings topic (the API's routing
 * and silences), falling back to the config file. Decoded values are cached per key until the
 * stored bytes change.
 */
final class StoreSettings implements Settings {
  private static final Logger LOG = LoggerFactory.getLogger(StoreSettings.class);

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final NotificationConfig config;
  private final EventCodec codec;
  private final Map<String, Cached<?>> cache = new HashMap<>();

  private record Cached<T>(byte[] bytes, Optional<T> value) {}

  StoreSettings(ReadOnlyKeyValueStore<String, byte[]> store, NotificationConfig config,
      EventCodec codec) {
    this.store = store;
    this.config = config;
    this.codec = codec;
  }

  @Override
  public TenantRouting routing(String tenant) {
    String key = SettingsRecords.routingKey(tenant);
    return decode(key, store.get(key), SettingsRecords::routing)
        .orElseGet(() -> config.routing(tenant));
  }

  @Override
  public List<Silence> silences(String tenant) {
    List<Silence> silences = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.prefixScan(
        SettingsRecords.silencePrefix(tenant), new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        decode(entry.key, entry.value, SettingsRecords::silence).ifPresent(silences::add);
      }
    }
    return silences;
  }

  @Override
  public DeliveryPolicy delivery() {
    return config.delivery();
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> decode(String key, byte[] bytes, Function<Envelope, Optional<T>> read) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    Cached<?> cached = cache.get(key);
    if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
      return (Optional<T>) cached.value();
    }
    Optional<T> value;
    try {
      value = read.apply(codec.decode(bytes));
    } catch (Exception e) {
      LOG.warn("ignoring unreadable notification setting {}: {}", key, e.toString());
      value = Optional.empty();
    }
    cache.put(key, new Cached<>(bytes, value));
    return value;
  }
}
