package com.towerco.simulator.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.towerco.events.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a simulation sent and what really happened in it: event counts by type and by site, every
 * injection with its simulated start and end, the sites and tenants it affected, the alarm
 * causes it produced and its ground-truth root cause, and the problems (the incidents a perfect
 * AIOps engine would open: faults that are one causal chain are one problem). Rendered as text
 * for people and as JSON for scoring tools. {@code unexplainedAlarms} counts alarms and tenant
 * outages no injection explains; it is zero on a sound model.
 */
public record SimulationReport(
    long seed,
    int sites,
    List<String> tenants,
    Instant start,
    Instant simulatedUntil,
    double eventsPerSecondPerSite,
    long totalEvents,
    Map<String, Long> eventsByType,
    Map<String, Map<String, Long>> eventsBySite,
    List<Injection> faults,
    List<Injection> activities,
    List<Problem> problems,
    long unexplainedAlarms,
    List<String> unexplainedExamples) {

  /** One injection and its ground truth. {@code end} is null while it lasts. */
  public record Injection(String id, String spec, String kind, String siteId, Instant start,
      Instant end, boolean observed, List<String> affectedSites, List<String> affectedTenants,
      List<String> symptoms, List<TenantOutage> tenantOutages, RootCause rootCause,
      String problemId) {}

  /**
   * The cause a correct analysis names: where, which injected cause, its X.733 probable cause
   * (null when X.733 has none, e.g. fuel theft), and what set it off when it needed a trigger
   * (a generator start failure shows only when the mains fails).
   */
  public record RootCause(String siteId, String cause, String probableCause, String trigger,
      String description) {}

  /** A tenancy's DC feed below its SLA window; {@code end} null while it lasts. */
  public record TenantOutage(String siteId, String tenantId, Instant start, Instant end) {}

  /** One real problem: what an ideal engine opens one incident for. */
  public record Problem(String id, RootCause rootCause, List<String> faultIds, boolean observed,
      List<String> sites, List<String> tenants, Instant start, Instant end) {}

  public String toJson() {
    try {
      return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the report", e);
    }
  }

  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append("Simulation report (seed ").append(seed).append(", ").append(sites)
        .append(" sites, tenants ").append(String.join(", ", tenants)).append(")\n");
    s.append("  simulated ").append(start).append(" -> ").append(simulatedUntil).append(" (")
        .append(SimDurations.format(Duration.between(start, simulatedUntil).withNanos(0)))
        .append(") at ").append(eventsPerSecondPerSite).append(" telemetry event/s per site\n");
    s.append("  events sent: ").append(totalEvents).append(" (").append(eventsByType.entrySet()
        .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
        .append(")\n");
    long min = eventsBySite.values().stream().mapToLong(SimulationReport::sum).min().orElse(0);
    long max = eventsBySite.values().stream().mapToLong(SimulationReport::sum).max().orElse(0);
    s.append("  per site: ").append(min).append("..").append(max).append(" events\n");
    section(s, "faults", faults);
    section(s, "activities (not faults)", activities);
    s.append("  problems (ground-truth incidents): ").append(problems.size()).append('\n');
    for (Problem p : problems) {
      s.append("    ").append(p.id()).append(' ').append(describe(p.rootCause()))
          .append(" | faults ").append(String.join(",", p.faultIds()))
          .append(" | sites ").append(abbreviate(p.sites()))
          .append(" | tenants ").append(p.tenants().isEmpty() ? "-" : String.join(",",
              p.tenants()))
          .append(p.observed() ? "" : " | not observed").append('\n');
    }
    s.append("  unexplained alarms/outages: ").append(unexplainedAlarms).append('\n');
    unexplainedExamples.forEach(e -> s.append("    ").append(e).append('\n'));
    return s.toString();
  }

  private static void section(StringBuilder s, String title, List<Injection> injections) {
    s.append("  ").append(title).append(": ").append(injections.size()).append('\n');
    for (Injection f : injections) {
      s.append("    ").append(f.id()).append(' ').append(f.spec()).append(" | ")
          .append(f.start()).append(" -> ").append(f.end() == null ? "open" : f.end())
          .append(" | sites ").append(abbreviate(f.affectedSites()))
          .append(" | tenants ").append(f.affectedTenants().isEmpty() ? "-"
              : String.join(",", f.affectedTenants()))
          .append(" | symptoms ").append(f.symptoms().isEmpty() ? "-"
              : String.join(",", f.symptoms()));
      if (f.rootCause() != null) {
        s.append(" | root cause ").append(describe(f.rootCause()));
      }
      s.append('\n');
    }
  }

  private static String describe(RootCause cause) {
    return cause.cause() + "@" + cause.siteId()
        + (cause.probableCause() == null ? "" : " (" + cause.probableCause() + ")")
        + (cause.trigger() == null ? "" : " triggered by " + cause.trigger());
  }

  private static String abbreviate(List<String> ids) {
    if (ids.isEmpty()) {
      return "-";
    }
    return ids.size() <= 6 ? String.join(",", ids)
        : String.join(",", ids.subList(0, 5)) + ",... (" + ids.size() + ")";
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
