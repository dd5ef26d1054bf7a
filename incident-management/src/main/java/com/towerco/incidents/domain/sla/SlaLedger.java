package com.towerco.incidents.domain.sla;

import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.RecordSlaBreach;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import java.time.Instant;

/**
 * One tenant's SLA at one site for one month, as an aggregate whose only event is the breach:
 * the SLA clocks of every instance may report the same breach, and it is recorded once. Keyed
 * by {@link #periodId}, on the incident topics beside the incident it names.
 */
public final class SlaLedger implements Aggregate<SlaBreached, RecordSlaBreach, SlaBreached> {

  /** The SLA period's id and record key. */
  public static String periodId(String tenantId, String siteId, String month) {
    return "sla-" + tenantId + "-" + siteId + "-" + month;
  }

  @Override
  public String name() {
    return "sla";
  }

  @Override
  public TopicFamily commandTopics() {
    return TopicFamily.INCIDENT_COMMANDS;
  }

  @Override
  public TopicFamily eventTopics() {
    return TopicFamily.INCIDENT_LIFECYCLE;
  }

  @Override
  public Class<RecordSlaBreach> commandType() {
    return RecordSlaBreach.class;
  }

  @Override
  public Class<SlaBreached> eventType() {
    return SlaBreached.class;
  }

  @Override
  public String idOf(RecordSlaBreach c) {
    return periodId(c.tenantId(), c.siteId(), c.month());
  }

  @Override
  public String idOfEvent(SlaBreached e) {
    return periodId(e.tenantId(), e.siteId(), e.month());
  }

  @Override
  public String siteOf(SlaBreached state, SlaBreached event) {
    return event.siteId();
  }

  @Override
  public SlaBreached evolve(SlaBreached state, SlaBreached event) {
    return state == null ? event : state;
  }

  @Override
  public int version(SlaBreached state) {
    return state == null ? 0 : 1;
  }

  @Override
  public Decision<SlaBreached> decide(SlaBreached state, RecordSlaBreach c, Instant at) {
    return state != null ? Decision.ignore() : Decision.accept(new SlaBreached(c.tenantId(),
        c.siteId(), c.month(), c.targetPct(), c.availabilityPct(), c.minutesOutOfWindow(),
        c.allowedMinutes(), c.incidentId(), c.breachedAt()));
  }
}
