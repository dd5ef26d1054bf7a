package com.towerco.notification.domain;

import java.util.function.BiConsumer;

/** The little the notifier needs of a key-value store (a Kafka Streams store, or a map). */
public interface KeyValue<V> {
  V get(String key);

  void put(String key, V value);

  void delete(String key);

  void forEach(BiConsumer<String, V> action);

  /** A map-backed store, for tests and tools. */
  static <V> KeyValue<V> inMemory() {
    java.util.Map<String, V> map = new java.util.TreeMap<>();
    return new KeyValue<>() {
      @Override
      public V get(String key) {
        return map.get(key);
      }

      @Override
      public void put(String key, V value) {
        map.put(key, value);
      }

      @Override
      public void delete(String key) {
        map.remove(key);
      }

      @Override
      public void forEach(BiConsumer<String, V> action) {
        map.forEach(action);
      }
    };
  }
}
