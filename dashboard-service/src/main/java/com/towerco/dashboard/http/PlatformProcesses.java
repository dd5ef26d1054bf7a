package com.towerco.dashboard.http;

import com.towerco.platform.access.Visibility;
import com.towerco.platform.health.GroupLag;
import com.towerco.platform.health.ProcessHealth;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/dashboard/platform-processes} (NOC only): every process of the platform
 * from the heartbeats on {@code towerco.platform.health} (its services, status, counters and
 * the consumer lag it sees), a process without a report for
 * {@link ProcessHealth#MISSING_AFTER} cadences marked missing, and the lag per consumer group
 * from the broker's own offsets ({@link GroupLag}). A process stopped cleanly is gone (its
 * tombstone removed it); one that crashed stays, missing, until it is back.
 */
public final class PlatformProcesses {
  public static final String PATH = DashboardApi.BASE + "/dashboard/platform-processes";

  private final Supplier<Map<String, byte[]>> reports;
  private final GroupLag groups;
  private final Clock clock;

  public PlatformProcesses(Supplier<Map<String, byte[]>> reports, GroupLag groups, Clock clock) {
    this.reports = reports;
    this.groups = groups;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    Visibility.requireOperator(Caller.of(ctx).viewer());
    RequestParams.strict(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.json(body());
  }

  /** The answer as a map (what the route serves). */
  public Map<String, Object> body() {
    Instant now = clock.instant();
    List<ProcessHealth> processes = new ArrayList<>();
    int unreadable = 0;
    for (byte[] value : reports.get().values()) {
      try {
        processes.add(ProcessHealth.fromJson(value));
      } catch (IllegalArgumentException e) {
        unreadable++;
      }
    }
    processes.sort(Comparator.comparing(ProcessHealth::instanceId));
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, int[]> byService = new TreeMap<>();
    for (ProcessHealth p : processes) {
      boolean missing = p.missingAt(now);
      for (ProcessHealth.ServiceHealth s : p.services()) {
        int[] counts = byService.computeIfAbsent(s.service(), k -> new int[2]);
        counts[missing ? 1 : 0]++;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("instance_id", p.instanceId());
      row.put("host", p.host());
      row.put("pid", p.pid());
      row.put("status", missing ? "missing" : p.status());
      row.put("missing", missing);
      row.put("reported_status", p.status());
      row.put("services", p.services().stream().map(ProcessHealth.ServiceHealth::service)
          .toList());
      row.put("started", p.started().toString());
      row.put("last_heartbeat", p.heartbeat().toString());
      row.put("heartbeat_age_seconds", Duration.between(p.heartbeat(), now).toMillis() / 1000.0);
      row.put("cadence_seconds", p.cadenceMillis() / 1000.0);
      row.put("events_in", p.eventsIn());
      row.put("events_out", p.eventsOut());
      row.put("dead_lettered", p.deadLettered());
      row.put("consumer_lag", p.consumerLag());
      row.put("by_service", p.services());
      rows.add(row);
    }
    Map<String, Object> services = new LinkedHashMap<>();
    byService.forEach((service, counts) -> services.put(service,
        Map.of("instances", counts[0] + counts[1], "missing", counts[1])));
    GroupLag.Snapshot lag = groups.current();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("as_of", now.toString());
    body.put("missing_after_cadences", ProcessHealth.MISSING_AFTER);
    body.put("processes", rows);
    body.put("services", services);
    body.put("unreadable_reports", unreadable);
    body.put("consumer_groups", lag.groups());
    body.put("consumer_groups_as_of", lag.at().toString());
    body.put("consumer_groups_error", lag.error());
    return body;
  }
}
