package com.towerco.notification.stream;

import com.towerco.notification.domain.KeyValue;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A changelogged Kafka Streams store as the notifier's {@link KeyValue}. */
final class StoreAdapter<V> implements KeyValue<V> {
  private final KeyValueStore<String, V> store;

  StoreAdapter(KeyValueStore<String, V> store) {
    this.store = store;
  }

  @Override
  public V get(String key) {
    return store.get(key);
  }

  @Override
  public void put(String key, V value) {
    store.put(key, value);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }

  @Override
  public void forEach(BiConsumer<String, V> action) {
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> action.accept(kv.key, kv.value));
    }
  }
}
