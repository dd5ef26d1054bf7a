package com.towerco.benchmarks.system;

import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pipeline bench's telemetry records as a reader's polls hand them over, without Kafka (for
 * the per-record JMH benchmarks of the KPI calculator and the incident views, ADR-062/073):
 * {@code sites} sites of {@link BenchRecords}, one topic per site, eight variants per site, event
 * time one second per round of sites, {@code rounds} rounds per poll, partition by partition.
 * Each record's bytes are its variant's with a fresh event id and time written in place, so event
 * time advances for ever and nothing is read twice (an id comes back after 200,000 records, far
 * past any deduplication window).
 */
public final class ReadingPolls {
  private static final int VARIANTS = 8;
  private static final int IDS = 200_000;
  private static final String PLACEHOLDER = "2000-01-01T00:00:00.001Z";
  private static final DateTimeFormatter FIXED = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final long START = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();

  private final BenchRecords records;
  private final int rounds;
  private final String[] siteIds;
  private final String[] topics;
  private final byte[][][] bytes;
  private final int[][] idAt;
  private final int[][] timeAt;
  private final String[] ids = new String[IDS];
  private final byte[][] idBytes = new byte[IDS][];
  private final Instant[] times;
  private final byte[][] timeBytes;
  private long round;
  private long offset;
  private int nextId;

  public ReadingPolls(int sites, int rounds) {
    this.records = new BenchRecords("towerco", sites);
    this.rounds = rounds;
    siteIds = new String[sites];
    topics = new String[sites];
    bytes = new byte[sites][VARIANTS][];
    idAt = new int[sites][VARIANTS];
    timeAt = new int[sites][VARIANTS];
    Instant placeholder = Instant.parse(PLACEHOLDER);
    for (int s = 0; s < sites; s++) {
      for (int v = 0; v < VARIANTS; v++) {
        BenchRecords.Next next = records.next((long) v * sites + s, placeholder);
        siteIds[s] = next.siteId();
        topics[s] = "towerco.sites." + next.siteId() + ".events";
        bytes[s][v] = next.value();
        String text = new String(next.value(), StandardCharsets.UTF_8);
        idAt[s][v] = text.indexOf(next.attributes().id());
        timeAt[s][v] = text.indexOf(PLACEHOLDER);
      }
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < IDS; i++) {
      ids[i] = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
          random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
      idBytes[i] = ids[i].getBytes(StandardCharsets.US_ASCII);
    }
    times = new Instant[rounds];
    timeBytes = new byte[rounds][];
  }

  /** The records' inventory (sites and their tenancies). */
  public BenchRecords records() {
    return records;
  }

  /** The site of index {@code s}. */
  public String siteId(int s) {
    return siteIds[s];
  }

  /** Event times of the next poll's rounds: call before its records are made. */
  public void startPoll() {
    for (int r = 0; r < rounds; r++) {
      times[r] = Instant.ofEpochMilli(START + (round + r) * 1000);
      timeBytes[r] = FIXED.format(times[r]).getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** After a poll's records were handled: the next poll's event time follows on. */
  public void endPoll() {
    round += rounds;
  }

  /** Seconds of event time polled so far. */
  public long seconds() {
    return round;
  }

  /** One poll's records made and consumed, not handled: what the harness costs per poll. */
  public void makePoll(Blackhole bh) {
    startPoll();
    for (int s = 0; s < siteIds.length; s++) {
      for (int r = 0; r < rounds; r++) {
        bh.consume(attributes(s, r));
        bh.consume(source(s, r));
      }
    }
    endPoll();
  }

  /** Site {@code s}'s record of round {@code r}: its routing headers (writes id and time). */
  public EventHeaders.Attributes attributes(int s, int r) {
    int v = variant(r);
    byte[] value = bytes[s][v];
    int id = nextId;
    nextId = id + 1 == IDS ? 0 : id + 1;
    System.arraycopy(idBytes[id], 0, value, idAt[s][v], idBytes[id].length);
    System.arraycopy(timeBytes[r], 0, value, timeAt[s][v], timeBytes[r].length);
    return new EventHeaders.Attributes(ids[id], "site.telemetry", "1.0", "towerco", siteIds[s],
        times[r]);
  }

  /** Site {@code s}'s record of round {@code r} as the feed hands it over. */
  public SourceRecord source(int s, int r) {
    return new SourceRecord(topics[s], 0, offset++, siteIds[s], bytes[s][variant(r)], 0L);
  }

  private int variant(int r) {
    return (int) ((round + r) % VARIANTS);
  }
}
