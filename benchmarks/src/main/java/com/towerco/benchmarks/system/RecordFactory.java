package com.towerco.benchmarks.system;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.payload.Payload;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.events.payload.site.SiteTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes benchmark records fast enough never to be the bottleneck: each site's telemetry is
 * encoded once per variant with the real codec, then every record is a copy of a variant with
 * a fresh event id and timestamp written over fixed-width placeholders. The records are exactly
 * what the site gateways publish: valid envelopes of realistic size.
 */
public final class RecordFactory {
  private static final String ID_PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
  private static final Instant TIME_PLACEHOLDER = Instant.parse("2000-01-01T00:00:00.001Z");
  private static final DateTimeFormatter FIXED = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final List<Template> templates = new ArrayList<>();
  private final SplittableRandom random;
  private final int siteCount;
  private final int variants;

  private record Template(String siteId, String tenantId, byte[] bytes, int idAt, int timeAt) {}

  public RecordFactory(List<String> siteIds, String operatorTenant, long seed, int variants,
      java.util.function.BiFunction<String, Integer, SiteTelemetry> telemetry) {
    this.random = new SplittableRandom(seed);
    this.siteCount = siteIds.size();
    this.variants = variants;
    EventCodec codec = new EventCodec();
    for (String site : siteIds) {
      for (int v = 0; v < variants; v++) {
        Payload payload = telemetry.apply(site, v);
        byte[] bytes = codec.encode(new Envelope(ID_PLACEHOLDER, "site.telemetry",
            operatorTenant, site, TIME_PLACEHOLDER, "1.0", payload,
            Map.of("producer", "bench")));
        String text = new String(bytes, StandardCharsets.UTF_8);
        templates.add(new Template(site, operatorTenant, bytes,
            text.indexOf(ID_PLACEHOLDER), text.indexOf("2000-01-01T00:00:00.001Z")));
      }
    }
  }

  public int sites() {
    return siteCount;
  }

  /** The {@code i}-th record: sites in turn, each cycling through its variants. */
  public Record next(long i, Instant eventTime) {
    int site = (int) (i % siteCount);
    int variant = (int) ((i / siteCount) % variants);
    Template t = templates.get(site * variants + variant);
    byte[] bytes = t.bytes.clone();
    String eventId = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
        random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    byte[] id = eventId.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(id, 0, bytes, t.idAt, id.length);
    Instant time = eventTime.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    byte[] timeText = FIXED.format(time).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(timeText, 0, bytes, t.timeAt, timeText.length);
    return new Record(t.siteId, bytes, new EventHeaders.Attributes(eventId, "site.telemetry",
        "1.0", t.tenantId, t.siteId, time));
  }

  /**
   * One record for a site topic, with the routing attributes the platform's producers write
   * as headers (the ingest gateway publishes through the platform's publisher).
   */
  public record Record(String siteId, byte[] value, EventHeaders.Attributes attributes) {
    public org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> toProducerRecord() {
      return new org.apache.kafka.clients.producer.ProducerRecord<>(
          com.towerco.events.TopicFamily.SITE_EVENTS.topic(siteId), null, siteId, value,
          EventHeaders.of(attributes));
    }
  }
}
