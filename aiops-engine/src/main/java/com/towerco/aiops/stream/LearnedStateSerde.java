package com.towerco.aiops.stream;

import com.towerco.platform.runtime.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stored form of an owner's learned detector state (ADR-031): the detectors' binary
 * snapshots written as they are (name, length, bytes) after a format byte, then the rest of the
 * state (small: site detector state, visits, how far it learned) as JSON. Written as JSON
 * throughout, the snapshots went through Base64 (a third larger, and most of the cost of a save
 * round in the stream thread). A value that starts with {@code '{'} is the JSON form written
 * before this serde and still reads; an empty value is a topic-readiness probe and reads as null.
 */
final class LearnedStateSerde<T, R> implements Serde<T> {
  /** Never the first byte of JSON text. */
  static final byte FORMAT = 1;

  private final JsonSerde<T> legacy;
  private final JsonSerde<R> rest;
  private final Function<T, Map<String, byte[]>> detectorsOf;
  private final Function<T, R> restOf;
  private final BiFunction<Map<String, byte[]>, R, T> make;

  LearnedStateSerde(Class<T> type, Class<R> restType, Function<T, Map<String, byte[]>> detectorsOf,
      Function<T, R> restOf, BiFunction<Map<String, byte[]>, R, T> make) {
    this.legacy = JsonSerde.of(type);
    this.rest = JsonSerde.of(restType);
    this.detectorsOf = detectorsOf;
    this.restOf = restOf;
    this.make = make;
  }

  /** A site's detection state: its metrics' detectors, site detector state and visits. */
  static LearnedStateSerde<SiteDetection.Snapshot, SiteRest> sites() {
    return new LearnedStateSerde<>(SiteDetection.Snapshot.class, SiteRest.class,
        SiteDetection.Snapshot::detectors, s -> new SiteRest(s.state(), s.visits()),
        (detectors, r) -> new SiteDetection.Snapshot(detectors, r.state(), r.visits()));
  }

  /** A KPI owner's detectors and how far they learned. */
  static LearnedStateSerde<KpiAnomalyProcessor.Saved, KpiRest> kpis() {
    return new LearnedStateSerde<>(KpiAnomalyProcessor.Saved.class, KpiRest.class,
        KpiAnomalyProcessor.Saved::detectors, s -> new KpiRest(s.learnedUntil()),
        (detectors, r) -> new KpiAnomalyProcessor.Saved(detectors, r.learnedUntil()));
  }

  /** What a site's state holds besides its detectors. */
  record SiteRest(com.towerco.aiops.detection.site.SiteDetectors.State state,
      java.util.List<com.towerco.aiops.detection.site.ScheduledVisit> visits) {}

  /** What a KPI owner's state holds besides its detectors. */
  record KpiRest(java.time.Instant learnedUntil) {}

  byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    Map<String, byte[]> detectors = detectorsOf.apply(value);
    byte[] restBytes = rest.encode(restOf.apply(value));
    int size = 1 + 4 + 4 + restBytes.length;
    Map<byte[], byte[]> named = new java.util.LinkedHashMap<>();
    if (detectors != null) {
      for (Map.Entry<String, byte[]> e : detectors.entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        named.put(name, e.getValue());
        size += 4 + name.length + 4 + e.getValue().length;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(FORMAT).putInt(detectors == null ? -1 : named.size());
    named.forEach((name, bytes) -> out.putInt(name.length).put(name).putInt(bytes.length)
        .put(bytes));
    out.putInt(restBytes.length).put(restBytes);
    return out.array();
  }

  T decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    if (bytes[0] != FORMAT) {
      return legacy.decode(bytes);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    int count = in.getInt();
    Map<String, byte[]> detectors = count < 0 ? null : new HashMap<>();
    for (int i = 0; i < count; i++) {
      byte[] name = new byte[in.getInt()];
      in.get(name);
      byte[] state = new byte[in.getInt()];
      in.get(state);
      detectors.put(new String(name, StandardCharsets.UTF_8), state);
    }
    byte[] restBytes = new byte[in.getInt()];
    in.get(restBytes);
    if (in.hasRemaining()) {
      throw new IllegalStateException("learned state: " + in.remaining() + " bytes after it");
    }
    return make.apply(detectors, rest.decode(restBytes));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
