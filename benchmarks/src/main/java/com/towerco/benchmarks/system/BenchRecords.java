package com.towerco.benchmarks.system;

import com.towerco.aiops.stream.SiteLookup;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.kafka.EventHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline benchmark's fleet and telemetry records ({@link BenchFleet}, {@link
 * RecordFactory}) for a micro-benchmark outside the pipeline, with the fleet's inventory as a
 * {@link SiteLookup}.
 */
public final class BenchRecords implements SiteLookup {
  /** One record: its site, its envelope bytes, its routing attributes and event time. */
  public record Next(String siteId, byte[] value, EventHeaders.Attributes attributes) {
    public Instant time() {
      return attributes.time();
    }
  }

  private final Map<String, SiteRegistered> inventory = new HashMap<>();
  private final RecordFactory factory;

  public BenchRecords(String operatorTenant, int sites) {
    List<String> ids = BenchFleet.siteIds("P", sites);
    for (int i = 0; i < ids.size(); i++) {
      inventory.put(ids.get(i), BenchFleet.registration(i));
    }
    factory = new RecordFactory(ids, operatorTenant, ids.get(0).hashCode(), 8,
        BenchFleet::telemetry);
  }

  /** The {@code i}-th record (sites in turn) at {@code eventTime}. */
  public Next next(long i, Instant eventTime) {
    RecordFactory.Record r = factory.next(i, eventTime);
    return new Next(r.siteId(), r.value(), r.attributes());
  }

  @Override
  public Optional<SiteRegistered> site(String siteId) {
    return Optional.ofNullable(inventory.get(siteId));
  }
}
