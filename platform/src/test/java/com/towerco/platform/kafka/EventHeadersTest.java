package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.payload.site.SiteConnectivity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventHeadersTest {
  private static final Envelope EVENT = Envelope.of("7f8c1a4e-1b2c-4d3e-8f90-123456789abc",
      "tenant-a", "SITE-1", Instant.parse("2026-03-04T05:06:07.123456Z"),
      new SiteConnectivity(SiteConnectivity.ConnectivityState.UNREACHABLE, null, "silent"),
      Map.of());

  @Test
  void writesTheCloudEventsAttributesAndReadsThemBack() {
    Headers headers = EventHeaders.of(EVENT);

    assertThat(text(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(text(headers, "ce_id")).isEqualTo(EVENT.eventId());
    assertThat(text(headers, "ce_source")).isEqualTo("/towerco");
    assertThat(text(headers, "ce_type")).isEqualTo("site.connectivity");
    assertThat(text(headers, "ce_time")).isEqualTo("2026-03-04T05:06:07.123456Z");
    assertThat(text(headers, "ce_tenantid")).isEqualTo("tenant-a");
    assertThat(text(headers, "ce_siteid")).isEqualTo("SITE-1");
    assertThat(text(headers, "ce_eventversion")).isEqualTo(EVENT.version());
    EventHeaders.Attributes read = EventHeaders.read(headers);
    assertThat(read).isEqualTo(EventHeaders.Attributes.of(EVENT));
    assertThat(read.describe(EVENT)).isTrue();
    assertThat(EventHeaders.type(headers)).isEqualTo("site.connectivity");
  }

  @Test
  void aRecordWithoutOrWithIncompleteHeadersHasNoAttributesAndStillPassesTheCheck()
      throws InvalidEventException {
    Headers none = new RecordHeaders().add("producer", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(EventHeaders.read(none)).isNull();
    assertThat(EventHeaders.type(none)).isNull();
    EventHeaders.check(none, EVENT);
    EventHeaders.check(null, EVENT);

    Headers partial = EventHeaders.of(EVENT);
    partial.remove(EventHeaders.TENANT);
    assertThat(EventHeaders.read(partial)).isNull();
    assertThatThrownBy(() -> EventHeaders.check(partial, EVENT))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("incomplete");
  }

  @Test
  void refusesAnEnvelopeItsHeadersDoNotDescribe() {
    Envelope otherTenant = new Envelope(EVENT.eventId(), EVENT.eventType(), "tenant-b",
        EVENT.siteId(), EVENT.timestamp(), EVENT.version(), EVENT.payload(), Map.of());
    Headers headers = EventHeaders.of(EVENT);

    assertThatThrownBy(() -> EventHeaders.check(headers, otherTenant))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
          assertThat(e.detail()).contains("tenant tenant-a").contains("tenant tenant-b");
        });
  }

  @Test
  void rewritingReplacesTheAttributesAndStripRemovesOnlyThem() {
    Headers headers = EventHeaders.of(EVENT);
    headers.add("dlq.reason", "X".getBytes(StandardCharsets.UTF_8));
    Envelope other = new Envelope("aaaaaaaa-1b2c-4d3e-8f90-123456789abc", EVENT.eventType(),
        "tenant-a", "SITE-2", EVENT.timestamp(), EVENT.version(), EVENT.payload(), Map.of());

    EventHeaders.write(headers, EventHeaders.Attributes.of(other));
    assertThat(headers.headers(EventHeaders.ID)).hasSize(1);
    assertThat(EventHeaders.read(headers)).isEqualTo(EventHeaders.Attributes.of(other));

    EventHeaders.strip(headers);
    assertThat(EventHeaders.read(headers)).isNull();
    assertThat(headers.toArray()).extracting(h -> h.key()).containsExactly("dlq.reason");
  }

  @Test
  void ofARepeatedHeaderTheLastOneCountsAsForEveryOtherReaderOfHeaders() {
    Headers headers = EventHeaders.of(EVENT);
    headers.add(EventHeaders.TENANT, "tenant-b".getBytes(StandardCharsets.UTF_8));
    headers.add("other", "x".getBytes(StandardCharsets.UTF_8));

    EventHeaders.Attributes read = EventHeaders.read(headers);
    assertThat(read.tenantId()).isEqualTo("tenant-b")
        .isEqualTo(text(headers, EventHeaders.TENANT));
    assertThatThrownBy(() -> EventHeaders.check(headers, EVENT))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("tenant tenant-b");
    assertThatThrownBy(() -> EventHeaders.checkRead(read, EVENT))
        .isInstanceOf(InvalidEventException.class);

    Headers unreadableTime = EventHeaders.of(EVENT);
    unreadableTime.add(EventHeaders.TIME, "yesterday".getBytes(StandardCharsets.UTF_8));
    assertThat(EventHeaders.read(unreadableTime)).isNull();
    Headers emptiedSite = EventHeaders.of(EVENT);
    emptiedSite.add(new org.apache.kafka.common.header.internals.RecordHeader(
        EventHeaders.SITE, null));
    assertThat(EventHeaders.read(emptiedSite)).isNull();
  }

  @Test
  void theTimeHeaderMatchesTheEncodedEnvelopeAtFullPrecision() throws InvalidEventException {
    Envelope now = Envelope.of(EVENT.eventId(), "tenant-a", "SITE-1", Instant.now(),
        EVENT.payload(), Map.of());
    EventCodec codec = new EventCodec();
    Envelope decoded = codec.decode(codec.encode(now));

    EventHeaders.check(EventHeaders.of(now), decoded);
  }

  private static String text(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
