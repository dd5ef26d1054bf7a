package com.towerco.incidents.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.PayloadProjection;
import com.towerco.events.ProjectedEvent;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.RecordSlaBreach;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.refuel.RefuelDelivered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.incidents.domain.sla.SlaLedger;
import com.towerco.incidents.domain.sla.SlaPeriod;
import com.towerco.incidents.view.CommandOutcomes;
import com.towerco.incidents.view.IncidentProjection;
import com.towerco.incidents.view.ReadModels;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.SourceRecord;
import com.towerco.platform.runtime.ViewFeed;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Routes what the view feed reads: lifecycle events to the read models (and, from the
 * operator's topics, to the HTTP requests waiting for their outcome), tenancy KPI windows to
 * the SLA clocks, site KPI windows and telemetry to the energy and fuel watchers. The watchers
 * and the SLA clocks send the commands they derive on the command bus.
 */
public final class ViewHandler implements ViewFeed.Sink {
  private final ReadModels models;
  private final CommandOutcomes outcomes;
  private final EnergyWatch energy;
  private final FuelWatch fuel;
  private final CommandBus bus;
  private final String operatorTenant;
  /**
   * The projected read of the feed's thread (the feed calls its sink from one thread): one
   * parser kept from record to record (ADR-062, ADR-073).
   */
  private final PayloadProjection.Reader reads = WatchedTelemetry.FIELDS.reader();
  /** The family of the last record's topic (records come partition by partition). */
  private final LastTopicFamily topics = new LastTopicFamily();

  public ViewHandler(ReadModels models, CommandOutcomes outcomes, CommandBus bus,
      String operatorTenant,
      java.util.function.Function<String, Optional<com.towerco.incidents.domain.optimization
          .EnergyAdvisor.SiteSpec>> specs) {
    this.models = models;
    this.outcomes = outcomes;
    this.bus = bus;
    this.operatorTenant = operatorTenant;
    this.energy = new EnergyWatch(specs, models.optimizations(), bus);
    this.fuel = new FuelWatch(models.refuels(), bus);
  }

  /** Of the site events the views read only telemetry, and of the KPI events the results. */
  @Override
  public boolean handles(String eventType) {
    if (eventType.startsWith("site.")) {
      return eventType.equals(TELEMETRY);
    }
    return !eventType.startsWith("kpi.") || eventType.equals(KPI_COMPUTED);
  }

  private static final String TELEMETRY =
      com.towerco.events.EventTypes.of(SiteTelemetry.class).name();
  private static final String KPI_COMPUTED =
      com.towerco.events.EventTypes.of(KpiComputed.class).name();

  @Override
  public void apply(Envelope event, SourceRecord source) {
    TopicFamily family = topics.of(source.topic());
    if (family == null) {
      return;
    }
    switch (family) {
      case INCIDENT_LIFECYCLE -> lifecycle(event, source, () -> models.incidents()
          .apply(event, source));
      case OPTIMIZATION_LIFECYCLE -> lifecycle(event, source, () -> models.optimizations()
          .apply(event, source));
      case REFUEL_LIFECYCLE -> {
        lifecycle(event, source, () -> models.refuels().apply(event, source));
        if (event.payload() instanceof RefuelDelivered delivery) {
          fuel.delivered(delivery);
        }
      }
      case KPI_METRICS -> {
        if (event.payload() instanceof KpiComputed kpi) {
          models.sla().apply(event, source);
          energy.kpi(kpi);
        }
      }
      case SITE_EVENTS -> {
        if (event.payload() instanceof SiteTelemetry reading) {
          if (reading.fuel() != null) {
            fuel.telemetry(event.siteId(), event.timestamp(), reading.fuel().levelL(),
                reading.fuel().capacityL());
          }
          energy.telemetry(event.siteId(), event.timestamp(), reading.battery().currentA(),
              reading.battery().socPct());
        }
      }
      default -> { }
    }
  }

  /**
   * Site telemetry with routing headers is read projected (ADR-037): of a reading the watches
   * read the battery's current and charge and the fuel tank's level and capacity, nothing
   * else. What the projected read declines, or whose envelope its headers misdescribe, is
   * decoded in full by the feed and comes to {@link #apply} (or is skipped as invalid there).
   */
  @Override
  public boolean applyUndecoded(EventHeaders.Attributes routing, SourceRecord source) {
    if (!routing.type().equals(TELEMETRY)
        || topics.of(source.topic()) != TopicFamily.SITE_EVENTS) {
      return false;
    }
    ProjectedEvent reading = reads.read(source.value());
    if (reading == null || !routing.describe(reading)) {
      return false;
    }
    PayloadProjection.Values v = reading.payload();
    if (v.has(WatchedTelemetry.FUEL_LEVEL)) {
      fuel.telemetry(reading.siteId(), reading.timestamp(), v.number(WatchedTelemetry.FUEL_LEVEL),
          v.number(WatchedTelemetry.FUEL_CAPACITY));
    }
    energy.telemetry(reading.siteId(), reading.timestamp(),
        v.number(WatchedTelemetry.BATTERY_CURRENT), v.number(WatchedTelemetry.BATTERY_SOC));
    return true;
  }

  private void lifecycle(Envelope event, SourceRecord source, Runnable apply) {
    apply.run();
    if (event.tenantId().equals(operatorTenant)
        && source.topic().equals(TopicFamily.of(source.topic()).orElseThrow()
            .topic(operatorTenant))) {
      outcomes.applied(event);
    }
  }

  /** An SLA clock breached: ask the SLA ledger to record it, naming the likely incident. */
  public void breached(SlaPeriod period) {
    String month = period.month().toString();
    Instant at = period.breachedAt();
    RecordSlaBreach command = new RecordSlaBreach(period.tenantId(), period.siteId(), month,
        period.targetPct(), period.availabilityPct(), period.minutesOutOfWindow(),
        period.allowedMinutes(), likelyIncident(period).orElse(null), at);
    String periodId = SlaLedger.periodId(period.tenantId(), period.siteId(), month);
    boolean recorded = models.incidents().breaches(operatorTenant).stream().anyMatch(b ->
        SlaLedger.periodId(b.tenantId(), b.siteId(), b.month()).equals(periodId));
    if (recorded) {
      return; // a replay of a month whose breach is already in the ledger
    }
    bus.send(EventIds.derived("incident.record-sla-breach", periodId), command, at,
        period.siteId(), Map.of(Metadata.CORRELATION_ID, periodId));
  }

  /** The tenant's incident at the site open at the breach, else the last one before it. */
  private Optional<String> likelyIncident(SlaPeriod period) {
    Instant at = period.breachedAt();
    return models.incidents().incidents(period.tenantId()).stream()
        .map(IncidentProjection.IncidentRecord::state)
        .filter(i -> i.facts().affectedSites().contains(period.siteId()))
        .filter(i -> !i.facts().openedAt().isAfter(at))
        .max(Comparator.comparing((com.towerco.incidents.domain.incident.Incident i) ->
            i.handling().resolvedAt() == null || i.handling().resolvedAt().isAfter(at))
            .thenComparing(i -> i.facts().openedAt()))
        .map(com.towerco.incidents.domain.incident.Incident::incidentId);
  }
}
