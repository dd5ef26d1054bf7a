package com.towerco.simulator.domain;

import com.towerco.events.Envelope;
import com.towerco.events.payload.Payload;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Wraps one site's payloads in envelopes, with event ids drawn from the site's own seeded stream
 * (version-4 UUID layout) rather than {@code EventIds.random()}, so a run is reproducible.
 * Metadata has a single key on purpose: a multi-key immutable map's iteration order, and so the
 * encoded bytes, would differ between JVMs.
 */
final class SiteEvents {
  static final Map<String, String> RMU = Map.of("producer", "simulator/rmu");
  static final Map<String, String> MEDIATION = Map.of("producer", "simulator/mediation");
  static final Map<String, String> INVENTORY = Map.of("producer", "simulator/inventory");

  private final String tenantId;
  private final String siteId;
  private final SplittableRandom ids;

  SiteEvents(String tenantId, String siteId, long seed) {
    this.tenantId = tenantId;
    this.siteId = siteId;
    this.ids = new SplittableRandom(seed);
  }

  Envelope envelope(long t, Payload payload, Map<String, String> metadata) {
    return Envelope.of(nextId(), tenantId, siteId, Instant.ofEpochMilli(t), payload, metadata);
  }

  private String nextId() {
    long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
