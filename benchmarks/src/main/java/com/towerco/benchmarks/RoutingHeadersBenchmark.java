package com.towerco.benchmarks;

import com.towerco.events.Envelope;
import com.towerco.events.Rfc3339;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.kafka.EventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What every consumer pays per record to read the routing headers (ADR-018) as the Kafka
 * consumer hands them over (fresh {@link RecordHeader}s over buffers, keys decoded on first
 * use): {@link EventHeaders#read} (one {@code lastHeader} scan per attribute) against, in the
 * same run, a single pass over the headers with a switch on the key, the alternative ADR-039
 * measured and did not adopt (slower: a hash of every key where a scan's {@code equals} mostly
 * stops at the length). Both pay the same cost of making the record's headers. Since ADR-055
 * the scan keeps the values that repeat as the same strings and parses the time from its bytes;
 * the one pass still makes a string of each, so the two now differ in that too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RoutingHeadersBenchmark {
  private byte[][] keys;
  private byte[][] values;

  @Setup
  public void setUp() {
    Envelope event = Envelope.of("7f8c1a4e-1b2c-4d3e-8f90-123456789abc", "tenant-a",
        "SITE-000123", Instant.parse("2026-03-04T05:06:07.123456Z"),
        new SiteConnectivity(SiteConnectivity.ConnectivityState.UNREACHABLE, null, "silent"),
        Map.of());
    Header[] written = EventHeaders.of(event).toArray();
    keys = new byte[written.length][];
    values = new byte[written.length][];
    for (int i = 0; i < written.length; i++) {
      keys[i] = written[i].key().getBytes(StandardCharsets.UTF_8);
      values[i] = written[i].value();
    }
  }

  /** The record's headers as the consumer makes them: keys and values still buffers. */
  private Headers received() {
    Header[] headers = new Header[keys.length];
    for (int i = 0; i < keys.length; i++) {
      headers[i] = new RecordHeader(ByteBuffer.wrap(keys[i]), ByteBuffer.wrap(values[i]));
    }
    return new RecordHeaders(headers);
  }

  @Benchmark
  public EventHeaders.Attributes scanPerAttribute() {
    return EventHeaders.read(received());
  }

  @Benchmark
  public EventHeaders.Attributes onePass() {
    return onePass(received());
  }

  /** The one-pass read measured against {@link EventHeaders#read} (ADR-039), not adopted. */
  static EventHeaders.Attributes onePass(Headers headers) {
    byte[] spec = null;
    byte[] id = null;
    byte[] type = null;
    byte[] time = null;
    byte[] tenant = null;
    byte[] site = null;
    byte[] version = null;
    for (Header header : headers) {
      switch (header.key()) {
        case EventHeaders.SPEC_VERSION -> spec = header.value();
        case EventHeaders.ID -> id = header.value();
        case EventHeaders.TYPE -> type = header.value();
        case EventHeaders.TIME -> time = header.value();
        case EventHeaders.TENANT -> tenant = header.value();
        case EventHeaders.SITE -> site = header.value();
        case EventHeaders.VERSION -> version = header.value();
        default -> { }
      }
    }
    if (spec == null || id == null || type == null || time == null || tenant == null
        || site == null || version == null) {
      return null;
    }
    try {
      return new EventHeaders.Attributes(text(id), text(type), text(version), text(tenant),
          text(site), Rfc3339.parse(text(time)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
