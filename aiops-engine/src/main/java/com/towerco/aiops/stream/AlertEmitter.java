package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.alerting.AlertTransition;
import com.towerco.aiops.correlation.AlertFact;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Hands an alert change to its region's correlator together with the records that publish it
 * (to the operator's and each affected tenant's alert topic; the correlator decides whether they
 * go out). Remembers the regions it has seen, for the watermarks that tell
 * their correlators event time has moved on.
 */
final class AlertEmitter {
  /** The label of an alert an inhibition rule kept from being published. */
  static final String INHIBITED_BY = "inhibited_by";

  private final SiteLookup sites;
  private final Publications publications;
  private final Set<String> regions = new TreeSet<>();
  private final boolean windowed;

  /** For site events (a primary source of the correlators' time). */
  AlertEmitter(SiteLookup sites, Publications publications) {
    this(sites, publications, false);
  }

  /**
   * @param windowed true for alerts from KPI windows, a secondary source of the correlators'
   *     time (they trail the site events by design)
   */
  AlertEmitter(SiteLookup sites, Publications publications, boolean windowed) {
    this.sites = sites;
    this.publications = publications;
    this.windowed = windowed;
  }

  void emit(ProcessorContext<String, Emission> context, String siteId,
      AlertTransition transition) {
    ActiveAlert alert = transition.alert();
    List<String> tenants = alert.rule().perTenant() ? List.of(alert.subject())
        : sites.tenants(siteId);
    String region = sites.region(siteId);
    regions.add(region);
    if (transition instanceof AlertTransition.Quiet || transition instanceof AlertTransition.Resumed) {
      // Correlation only: the alert still fires; its condition let go, or came back.
      boolean quiet = transition instanceof AlertTransition.Quiet;
      Instant at = quiet ? ((AlertTransition.Quiet) transition).since()
          : ((AlertTransition.Resumed) transition).at();
      AlertFact fact = new AlertFact(alert.alertId(), alert.fingerprint(), alert.rule(), siteId,
          region, sites.hub(siteId), alert.severity(), tenants, at, true, quiet,
          sites.relations(siteId), operatorSeverity(alert));
      forward(context, region, new Emission.ForCorrelation(region,
          Emission.CorrelationInput.alert(fact, source(context))), at);
      return;
    }
    boolean firing = transition instanceof AlertTransition.Fired;
    Instant time = firing ? alert.startsAt() : ((AlertTransition.Resolved) transition).endsAt();
    List<Emission.Outbound> records = firing ? publications.fired(alert, siteId, tenants)
        : publications.resolved(alert, siteId, tenants, time);
    // The records go with the alert to its region's correlator, which publishes them unless the
    // alert's problem makes it evidence only; an alert its own site inhibits carries none.
    String inhibitedBy = alert.details().get(INHIBITED_BY);
    AlertFact fact = new AlertFact(alert.alertId(), alert.fingerprint(), alert.rule(), siteId,
        region, sites.hub(siteId), alert.severity(), tenants, time, firing, false,
        sites.relations(siteId), operatorSeverity(alert));
    forward(context, region, new Emission.ForCorrelation(region,
        Emission.CorrelationInput.alert(fact, inhibitedBy == null ? records : List.of(),
            inhibitedBy, source(context))), time);
  }

  /**
   * True if the alert's severity is the operator's policy: a threshold rule's alert raised by
   * the telemetry thresholds (an alarm's severity is the device's label).
   */
  private static boolean operatorSeverity(ActiveAlert alert) {
    return alert.sources().contains(com.towerco.aiops.alerting.TelemetryRules.SOURCE)
        && THRESHOLD_RULES.contains(alert.rule());
  }

  private static final Set<com.towerco.aiops.alerting.AlertRule> THRESHOLD_RULES = Set.copyOf(
      com.towerco.aiops.alerting.RulePolicies.defaults().thresholds().keySet());

  /** Tells every region seen so far that event time has reached {@code time}. */
  void watermark(ProcessorContext<String, Emission> context, Instant time) {
    for (String region : regions) {
      forward(context, region, new Emission.ForCorrelation(region,
          Emission.CorrelationInput.watermark(time, source(context))), time);
    }
  }

  /** The upstream task sending to the correlators: one source of their event time. */
  private static String source(ProcessorContext<String, Emission> context) {
    return context.taskId().toString();
  }

  private void forward(ProcessorContext<String, Emission> context, String key,
      Emission.ForCorrelation emission, Instant time) {
    Emission.ForCorrelation sent = windowed
        ? new Emission.ForCorrelation(emission.region(), emission.input().asWindowed())
        : emission;
    context.forward(Emission.record(key, sent, time.toEpochMilli()));
  }
}
