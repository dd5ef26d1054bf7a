package com.towerco.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Everything the calculator tells its caller on a fixed, irregular input, as one digest: every
 * closed window (site, region, bounds, samples, site values and tenancy values in their order),
 * the offsets to commit and the notes. The input mixes what the windows must get right: three
 * partitions of several sites, readings 0.2-4 s apart with the state held for max-gap, repeats,
 * readings out of order and too late, gaps longer than max-gap and than the silence, contact
 * losses, repeated alarms, tenancies outside their DC window, a tenancy the inventory does not
 * know and one listed but never read, sites without generator or tank, and a partition revoked
 * and replayed from its committed offset and note. The digest was taken on the code before
 * ADR-062 (main b0e1d83) and must not move: a change of the calculator's internals changes no
 * KPI, offset or note.
 */
class KpiOutputDigestTest {
  private static final String DIGEST =
      "c53c4a7b13bda60705dde562ea5e933037f7d92a013b82882d52686b78addd1a";
  private static final String[] TENANTS = {"altel", "borealis", "celtra", "dune"};
  private static final int SITES = 9;

  @Test
  void aFixedIrregularInputGivesTheSameWindowsOffsetsAndNotesAsBefore() throws Exception {
    StringBuilder out = new StringBuilder();
    int windows = run(out);

    assertThat(windows).as("windows closed").isGreaterThan(1_000);
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(digest).as("digest of %s windows, %s chars", windows, out.length())
        .isEqualTo(DIGEST);
  }

  /** One input event, kept so a revoked partition can be replayed from its committed offset. */
  private record Event(String partition, String siteId, long offset, int kind, Reading reading,
      String alarmId, long time) {}

  private static int run(StringBuilder out) {
    Windowing windowing = new Windowing(Duration.ofMinutes(1), Duration.ofSeconds(30),
        Duration.ofMinutes(2));
    KpiCalculator kpis = new KpiCalculator(windowing, new Terms(), Duration.ofMinutes(20));
    SplittableRandom random = new SplittableRandom(20261207);
    long t0 = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();
    long[] clock = new long[SITES];
    double[] fuel = new double[SITES];
    for (int s = 0; s < SITES; s++) {
      clock[s] = t0 + s * 1_700L;
      fuel[s] = 600 + s * 10;
    }
    List<List<Event>> byPartition = List.of(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    Reading[] previous = new Reading[SITES];
    int windows = 0;
    for (int i = 0; i < 24_000; i++) {
      int s = random.nextInt(SITES);
      String site = "S" + s;
      int p = s % 3;
      String partition = "towerco.sites.group-0" + p + ".events-0";
      List<Event> log = byPartition.get(p);
      long offset = log.size();
      int roll = random.nextInt(1000);
      Event event;
      if (roll < 10 && previous[s] != null) {
        event = new Event(partition, site, offset, 0, previous[s], null, 0); // a repeat
      } else if (roll < 15) {
        clock[s] += 1_000;
        event = new Event(partition, site, offset, 1, null, null, clock[s]); // unreachable
      } else if (roll < 30) {
        event = new Event(partition, site, offset, 2, null, "A" + random.nextInt(4),
            clock[s] - random.nextInt(5_000));
      } else {
        long time;
        if (roll < 50) {
          time = clock[s] - random.nextLong(200_000); // out of order, maybe too late
        } else {
          clock[s] += roll < 53 ? 150_000 + random.nextLong(200_000)
              : roll < 54 ? 1_500_000 : 200 + random.nextLong(3_800);
          time = clock[s];
        }
        event = new Event(partition, site, offset, 0, reading(random, s, time, fuel), null, 0);
        if (time == clock[s]) {
          previous[s] = event.reading();
        }
      }
      log.add(event);
      apply(kpis, event);
      if (i % 50 == 49) {
        int round = i / 50;
        windows += append(out, kpis.advance(key -> !key.endsWith((round % 3) + ".events-0")));
      }
      if (i % 500 == 499) {
        for (int q = 0; q < 3; q++) {
          String key = "towerco.sites.group-0" + q + ".events-0";
          out.append("commit ").append(key).append(' ')
              .append(kpis.committable(key, byPartition.get(q).size())).append(' ')
              .append(kpis.note(key)).append('\n');
        }
      }
      if (i == 12_345) {
        // partition 1 is revoked and assigned back: replayed from its committed offset
        String key = "towerco.sites.group-01.events-0";
        long from = kpis.committable(key, byPartition.get(1).size());
        String note = kpis.note(key);
        kpis.forget(key);
        kpis.resume(key, note);
        for (Event e : byPartition.get(1).subList((int) from, byPartition.get(1).size())) {
          apply(kpis, e);
        }
        out.append("replayed ").append(from).append(' ').append(note).append('\n');
      }
    }
    out.append("late ").append(kpis.lateReadings()).append(" stream ")
        .append(kpis.streamTime()).append('\n');
    windows += append(out, kpis.advance());
    return windows;
  }

  private static void apply(KpiCalculator kpis, Event e) {
    switch (e.kind()) {
      case 0 -> kpis.reading(e.partition(), e.siteId(), e.offset(), e.reading());
      case 1 -> kpis.unreachable(e.partition(), e.siteId(), Instant.ofEpochMilli(e.time()));
      default -> kpis.alarmRaised(e.partition(), e.siteId(), e.alarmId(), e.offset(),
          Instant.ofEpochMilli(e.time()));
    }
  }

  private static Reading reading(SplittableRandom random, int s, long time, double[] fuel) {
    boolean generator = s % 4 != 3 && random.nextInt(10) < 3;
    if (generator) {
      fuel[s] -= random.nextDouble() * 2;
    } else if (random.nextInt(50) == 0) {
      fuel[s] += 300; // a refuel
    } else {
      fuel[s] -= random.nextDouble() * 0.2 - 0.1; // noise
    }
    List<Reading.TenantFeed> feeds = new ArrayList<>();
    for (int t = 0; t < s % 4; t++) {
      feeds.add(new Reading.TenantFeed(TENANTS[t], 44 + random.nextDouble() * 15,
          random.nextDouble() * 3));
    }
    return new Reading(time, random.nextInt(10) < 8, generator,
        s == 5 ? Double.NaN : Math.round(fuel[s] * 100) / 100.0,
        Math.round(random.nextDouble() * 10_000) / 100.0, List.copyOf(feeds));
  }

  private static int append(StringBuilder out, List<KpiWindow> closed) {
    for (KpiWindow w : closed) {
      out.append(w.siteId()).append(' ').append(w.region()).append(' ').append(w.start())
          .append(' ').append(w.end()).append(' ').append(w.samples()).append(' ')
          .append(w.siteValues()).append(' ').append(w.tenancyValues()).append('\n');
    }
    return closed.size();
  }

  /** Inventory terms: DC windows per site and tenancy; dune unknown; celtra listed on all. */
  private static final class Terms implements SiteTerms {
    @Override
    public String region(String siteId) {
      return siteId.equals("S7") ? "unknown" : "region-" + siteId.charAt(1);
    }

    @Override
    public DcWindow dcWindow(String siteId, String tenantId) {
      if (tenantId.equals("dune")) {
        return DcWindow.DEFAULT;
      }
      int s = siteId.charAt(1) - '0';
      return new DcWindow(46 + s * 0.3, 56 - (tenantId.equals("altel") ? 1.5 : 0));
    }

    @Override
    public List<String> tenants(String siteId) {
      return siteId.equals("S7") ? List.of() : List.of("celtra", "altel", "borealis");
    }
  }
}
