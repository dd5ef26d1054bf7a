package com.towerco.events;

import com.towerco.events.payload.incident.AcknowledgeIncident;
import com.towerco.events.payload.incident.AddIncidentNote;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.optimization.ApplyOptimization;
import com.towerco.events.payload.optimization.ApproveOptimization;
import com.towerco.events.payload.incident.AssignIncident;
import com.towerco.events.payload.incident.AssignTechnician;
import com.towerco.events.payload.incident.AttachAlert;
import com.towerco.events.payload.incident.CancelDispatch;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.CloseIncident;
import com.towerco.events.payload.refuel.ConfirmFuelLevel;
import com.towerco.events.payload.incident.DispatchCancelled;
import com.towerco.events.payload.incident.DispatchEscalated;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.EscalateDispatch;
import com.towerco.events.payload.refuel.EscalateRefuel;
import com.towerco.events.payload.refuel.FuelRunoutPredicted;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentAssigned;
import com.towerco.events.payload.incident.IncidentClosed;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentReopened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.IncidentRootCauseChanged;
import com.towerco.events.payload.incident.IncidentSymptomsCleared;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.events.payload.notification.NotificationEscalated;
import com.towerco.events.payload.notification.NotificationSuppressed;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.optimization.OptimizationApplied;
import com.towerco.events.payload.optimization.OptimizationApproved;
import com.towerco.events.payload.optimization.OptimizationCommandRejected;
import com.towerco.events.payload.optimization.OptimizationProposed;
import com.towerco.events.payload.optimization.OptimizationRejected;
import com.towerco.events.payload.optimization.OptimizationRolledBack;
import com.towerco.events.payload.optimization.OptimizationVerified;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.optimization.ProposeOptimization;
import com.towerco.events.payload.refuel.RecordDelivery;
import com.towerco.events.payload.incident.RecordSlaBreach;
import com.towerco.events.payload.refuel.RefuelCommandRejected;
import com.towerco.events.payload.refuel.RefuelDelivered;
import com.towerco.events.payload.refuel.RefuelDiscrepancyFlagged;
import com.towerco.events.payload.refuel.RefuelEscalated;
import com.towerco.events.payload.refuel.RefuelLevelConfirmed;
import com.towerco.events.payload.refuel.RefuelRequested;
import com.towerco.events.payload.optimization.RejectOptimization;
import com.towerco.events.payload.incident.ReopenIncident;
import com.towerco.events.payload.incident.ReportArrival;
import com.towerco.events.payload.incident.ReportWorkDone;
import com.towerco.events.payload.incident.RequestDispatch;
import com.towerco.events.payload.refuel.RequestRefuel;
import com.towerco.events.payload.incident.ResolveIncident;
import com.towerco.events.payload.optimization.RollBackOptimization;
import com.towerco.events.payload.notification.RoutingChanged;
import com.towerco.events.payload.notification.SilenceCreated;
import com.towerco.events.payload.notification.SilenceExpired;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.incident.UpdateRootCause;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.events.payload.site.SiteVisitScheduled;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.events.payload.incident.TechnicianOnSite;
import com.towerco.events.payload.optimization.VerifyOptimization;
import com.towerco.events.payload.incident.VerifyWork;
import com.towerco.events.payload.incident.WorkCompleted;
import com.towerco.events.payload.incident.WorkVerified;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event catalogue: every event type and version the platform reads or writes. */
public final class EventTypes {
  public static final EventType SITE_TELEMETRY = new EventType("site.telemetry", "1.0",
      SiteTelemetry.class, TopicFamily.SITE_EVENTS,
      "A reading of the site's remote monitoring unit: power chain, environment, tenant DC feeds.");
  public static final EventType SITE_ALARM = new EventType("site.alarm", "1.0",
      SiteAlarm.class, TopicFamily.SITE_EVENTS,
      "An X.733 equipment alarm raised or cleared at the site.");
  public static final EventType SITE_CONNECTIVITY = new EventType("site.connectivity", "1.0",
      SiteConnectivity.class, TopicFamily.SITE_EVENTS,
      "The mediation layer lost or regained contact with the site.");
  public static final EventType SITE_VISIT_SCHEDULED = new EventType("site.visit-scheduled",
      "1.0", SiteVisitScheduled.class, TopicFamily.SITE_EVENTS,
      "A visit to the site is planned: a door opening within it is expected.");
  public static final EventType SITE_REGISTERED = new EventType("site.registered", "1.0",
      SiteRegistered.class, TopicFamily.INVENTORY,
      "Inventory: the site's region, hub, power plant and tenancies (latest wins, compacted topic).");
  public static final EventType KPI_COMPUTED = new EventType("kpi.computed", "1.0",
      KpiComputed.class, TopicFamily.KPI_METRICS,
      "KPIs of one event-time window for a site or one tenancy on it.");
  public static final EventType ALERT_FIRING = new EventType("alert.firing", "1.0",
      AlertFiring.class, TopicFamily.ALERT_NOTIFICATIONS,
      "An alert started firing.");
  public static final EventType ALERT_RESOLVED = new EventType("alert.resolved", "1.0",
      AlertResolved.class, TopicFamily.ALERT_NOTIFICATIONS,
      "An alert stopped firing.");
  public static final EventType INCIDENT_OPENED = new EventType("incident.opened", "1.0",
      IncidentOpened.class, TopicFamily.INCIDENT_LIFECYCLE,
      "An incident was opened for one real problem, with its root cause and symptoms.");
  public static final EventType INCIDENT_ALERT_ATTACHED = new EventType("incident.alert-attached",
      "1.0", IncidentAlertAttached.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A further alert was correlated into an open incident.");
  public static final EventType INCIDENT_RESOLVED = new EventType("incident.resolved", "1.0",
      IncidentResolved.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The incident's problem cleared.");
  public static final EventType OPEN_INCIDENT = new EventType("incident.open", "1.0",
      OpenIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: open an incident for a correlated problem.");
  public static final EventType ATTACH_ALERT = new EventType("incident.attach-alert", "1.0",
      AttachAlert.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: a further alert belongs to this incident.");
  public static final EventType CLEAR_INCIDENT = new EventType("incident.clear", "1.0",
      ClearIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: every symptom of the incident has cleared.");
  public static final EventType NOTIFICATION_ATTEMPTED = new EventType("notification.attempted",
      "1.0", NotificationAttempted.class, TopicFamily.NOTIFICATION_DELIVERIES,
      "The outcome of one delivery attempt of a notification to a receiver.");
  public static final EventType NOTIFICATION_SUPPRESSED = new EventType(
      "notification.suppressed", "1.0", NotificationSuppressed.class,
      TopicFamily.NOTIFICATION_DELIVERIES,
      "A due notification was not sent because active silences matched it.");
  public static final EventType NOTIFICATION_ESCALATED = new EventType("notification.escalated",
      "1.0", NotificationEscalated.class, TopicFamily.NOTIFICATION_DELIVERIES,
      "An unacknowledged incident was escalated to the next level of its policy.");
  public static final EventType SILENCE_CREATED = new EventType(
      "notification.silence-created", "1.0", SilenceCreated.class,
      TopicFamily.NOTIFICATION_SETTINGS,
      "A person silenced matching notifications of a tenant for a time window.");
  public static final EventType SILENCE_EXPIRED = new EventType(
      "notification.silence-expired", "1.0", SilenceExpired.class,
      TopicFamily.NOTIFICATION_SETTINGS,
      "A person ended a silence before its end time.");
  public static final EventType ROUTING_CHANGED = new EventType(
      "notification.routing-changed", "1.0", RoutingChanged.class,
      TopicFamily.NOTIFICATION_SETTINGS,
      "A person replaced a tenant's notification routing at run time.");

  public static final EventType UPDATE_ROOT_CAUSE = new EventType("incident.update-root-cause",
      "1.0", UpdateRootCause.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the AIOps engine: new evidence changed the ranking of the root causes.");
  public static final EventType INCIDENT_ROOT_CAUSE_CHANGED = new EventType(
      "incident.root-cause-changed", "1.0", IncidentRootCauseChanged.class,
      TopicFamily.INCIDENT_LIFECYCLE, "The incident's probable root cause changed.");
  public static final EventType INCIDENT_ACKNOWLEDGE = new EventType("incident.acknowledge", "1.0",
      AcknowledgeIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: acknowledge the incident.");
  public static final EventType INCIDENT_ASSIGN = new EventType("incident.assign", "1.0",
      AssignIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: assign the incident to someone.");
  public static final EventType INCIDENT_ADD_NOTE = new EventType("incident.add-note", "1.0",
      AddIncidentNote.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: add a note to the incident.");
  public static final EventType INCIDENT_RESOLVE = new EventType("incident.resolve", "1.0",
      ResolveIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: resolve the incident.");
  public static final EventType INCIDENT_CLOSE = new EventType("incident.close", "1.0",
      CloseIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: close a resolved incident.");
  public static final EventType INCIDENT_REOPEN = new EventType("incident.reopen", "1.0",
      ReopenIncident.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: reopen a resolved or closed incident.");
  public static final EventType INCIDENT_REQUEST_DISPATCH = new EventType("incident.request-dispatch", "1.0",
      RequestDispatch.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: request a field dispatch to a site of the incident.");
  public static final EventType INCIDENT_ASSIGN_TECHNICIAN = new EventType("incident.assign-technician", "1.0",
      AssignTechnician.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from field operations: a technician is assigned to the dispatch.");
  public static final EventType INCIDENT_REPORT_ARRIVAL = new EventType("incident.report-arrival", "1.0",
      ReportArrival.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the field: the technician is on site.");
  public static final EventType INCIDENT_REPORT_WORK_DONE = new EventType("incident.report-work-done", "1.0",
      ReportWorkDone.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the field: the work is done.");
  public static final EventType INCIDENT_VERIFY_WORK = new EventType("incident.verify-work", "1.0",
      VerifyWork.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from a person: the field work is verified.");
  public static final EventType INCIDENT_CANCEL_DISPATCH = new EventType("incident.cancel-dispatch", "1.0",
      CancelDispatch.class, TopicFamily.INCIDENT_COMMANDS,
      "Command: cancel a dispatch that has not reached the site.");
  public static final EventType INCIDENT_ESCALATE_DISPATCH = new EventType("incident.escalate-dispatch", "1.0",
      EscalateDispatch.class, TopicFamily.INCIDENT_COMMANDS,
      "Timer firing: a dispatch step is overdue.");
  public static final EventType INCIDENT_RECORD_SLA_BREACH = new EventType("incident.record-sla-breach", "1.0",
      RecordSlaBreach.class, TopicFamily.INCIDENT_COMMANDS,
      "Command from the SLA clock: record that a tenant's SLA at a site is breached for the month.");
  public static final EventType INCIDENT_ACKNOWLEDGED = new EventType("incident.acknowledged", "1.0",
      IncidentAcknowledged.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The incident was acknowledged.");
  public static final EventType INCIDENT_ASSIGNED = new EventType("incident.assigned", "1.0",
      IncidentAssigned.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The incident was assigned.");
  public static final EventType INCIDENT_NOTE_ADDED = new EventType("incident.note-added", "1.0",
      IncidentNoteAdded.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A note was added to the incident.");
  public static final EventType INCIDENT_CLOSED = new EventType("incident.closed", "1.0",
      IncidentClosed.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The incident was closed.");
  public static final EventType INCIDENT_REOPENED = new EventType("incident.reopened", "1.0",
      IncidentReopened.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The incident was reopened.");
  public static final EventType INCIDENT_SYMPTOMS_CLEARED = new EventType("incident.symptoms-cleared", "1.0",
      IncidentSymptomsCleared.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The symptoms cleared while field work is in progress; the incident resolves when the work is verified.");
  public static final EventType INCIDENT_DISPATCH_REQUESTED = new EventType("incident.dispatch-requested", "1.0",
      DispatchRequested.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A field dispatch was requested.");
  public static final EventType INCIDENT_TECHNICIAN_ASSIGNED = new EventType("incident.technician-assigned", "1.0",
      TechnicianAssigned.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A technician was assigned to the dispatch.");
  public static final EventType INCIDENT_TECHNICIAN_ON_SITE = new EventType("incident.technician-on-site", "1.0",
      TechnicianOnSite.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The technician is on site.");
  public static final EventType INCIDENT_WORK_COMPLETED = new EventType("incident.work-completed", "1.0",
      WorkCompleted.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The field work is done.");
  public static final EventType INCIDENT_WORK_VERIFIED = new EventType("incident.work-verified", "1.0",
      WorkVerified.class, TopicFamily.INCIDENT_LIFECYCLE,
      "The field work was verified.");
  public static final EventType INCIDENT_DISPATCH_CANCELLED = new EventType("incident.dispatch-cancelled", "1.0",
      DispatchCancelled.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A dispatch was cancelled before arrival.");
  public static final EventType INCIDENT_DISPATCH_ESCALATED = new EventType("incident.dispatch-escalated", "1.0",
      DispatchEscalated.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A dispatch step is overdue and was escalated.");
  public static final EventType INCIDENT_COMMAND_REJECTED = new EventType("incident.command-rejected", "1.0",
      IncidentCommandRejected.class, TopicFamily.INCIDENT_LIFECYCLE,
      "Command refused: stale version, illegal transition or unknown incident; the audit trail of the refusal.");
  public static final EventType INCIDENT_SLA_BREACHED = new EventType("incident.sla-breached", "1.0",
      SlaBreached.class, TopicFamily.INCIDENT_LIFECYCLE,
      "A tenant's SLA at a site is breached for the month.");
  public static final EventType OPTIMIZATION_PROPOSE = new EventType("optimization.propose", "1.0",
      ProposeOptimization.class, TopicFamily.OPTIMIZATION_COMMANDS,
      "Command from the energy advisor: propose an optimization.");
  public static final EventType OPTIMIZATION_APPROVE = new EventType("optimization.approve", "1.0",
      ApproveOptimization.class, TopicFamily.OPTIMIZATION_COMMANDS,
      "Command from a person: approve an optimization.");
  public static final EventType OPTIMIZATION_REJECT = new EventType("optimization.reject", "1.0",
      RejectOptimization.class, TopicFamily.OPTIMIZATION_COMMANDS,
      "Command from a person: reject an optimization.");
  public static final EventType OPTIMIZATION_APPLY = new EventType("optimization.apply", "1.0",
      ApplyOptimization.class, TopicFamily.OPTIMIZATION_COMMANDS,
      "Command from a person: the optimization was applied on site.");
  public static final EventType OPTIMIZATION_VERIFY = new EventType("optimization.verify", "1.0",
      VerifyOptimization.class, TopicFamily.OPTIMIZATION_COMMANDS,
      "Command from the savings verifier: record the measured savings.");
  public static final EventType OPTIMIZATION_ROLL_BACK = new EventType("optimization.roll-back", "1.0",
      RollBackOptimization.class, TopicFamily.OPTIMIZATION_COMMANDS,
      "Command from a person: roll an applied optimization back.");
  public static final EventType OPTIMIZATION_PROPOSED = new EventType("optimization.proposed", "1.0",
      OptimizationProposed.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "An energy optimization was proposed.");
  public static final EventType OPTIMIZATION_APPROVED = new EventType("optimization.approved", "1.0",
      OptimizationApproved.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "The optimization was approved.");
  public static final EventType OPTIMIZATION_REJECTED = new EventType("optimization.rejected", "1.0",
      OptimizationRejected.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "The optimization was rejected.");
  public static final EventType OPTIMIZATION_APPLIED = new EventType("optimization.applied", "1.0",
      OptimizationApplied.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "The optimization was applied on site.");
  public static final EventType OPTIMIZATION_VERIFIED = new EventType("optimization.verified", "1.0",
      OptimizationVerified.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "The optimization's savings were measured.");
  public static final EventType OPTIMIZATION_ROLLED_BACK = new EventType("optimization.rolled-back", "1.0",
      OptimizationRolledBack.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "The optimization was rolled back.");
  public static final EventType OPTIMIZATION_COMMAND_REJECTED = new EventType("optimization.command-rejected", "1.0",
      OptimizationCommandRejected.class, TopicFamily.OPTIMIZATION_LIFECYCLE,
      "Command refused: stale version, illegal transition or unknown optimization; the audit trail of the refusal.");
  public static final EventType REFUEL_REQUEST = new EventType("refuel.request", "1.0",
      RequestRefuel.class, TopicFamily.REFUEL_COMMANDS,
      "Command from the refuelling saga: order a refuel.");
  public static final EventType REFUEL_RECORD_DELIVERY = new EventType("refuel.record-delivery", "1.0",
      RecordDelivery.class, TopicFamily.REFUEL_COMMANDS,
      "Command from the field: record a fuel delivery.");
  public static final EventType REFUEL_CONFIRM_LEVEL = new EventType("refuel.confirm-level", "1.0",
      ConfirmFuelLevel.class, TopicFamily.REFUEL_COMMANDS,
      "Command from the refuelling saga: the level before and after delivery.");
  public static final EventType REFUEL_ESCALATE = new EventType("refuel.escalate", "1.0",
      EscalateRefuel.class, TopicFamily.REFUEL_COMMANDS,
      "Timer firing: a refuel delivery is overdue.");
  public static final EventType FUEL_RUNOUT_PREDICTED = new EventType("fuel.runout-predicted", "1.0",
      FuelRunoutPredicted.class, TopicFamily.REFUEL_LIFECYCLE,
      "Fuel will run out before the next scheduled delivery.");
  public static final EventType REFUEL_REQUESTED = new EventType("refuel.requested", "1.0",
      RefuelRequested.class, TopicFamily.REFUEL_LIFECYCLE,
      "A refuel was requested.");
  public static final EventType REFUEL_DELIVERED = new EventType("refuel.delivered", "1.0",
      RefuelDelivered.class, TopicFamily.REFUEL_LIFECYCLE,
      "Fuel was delivered.");
  public static final EventType REFUEL_LEVEL_CONFIRMED = new EventType("refuel.level-confirmed", "1.0",
      RefuelLevelConfirmed.class, TopicFamily.REFUEL_LIFECYCLE,
      "The delivered fuel is in the tank.");
  public static final EventType REFUEL_DISCREPANCY_FLAGGED = new EventType("refuel.discrepancy-flagged", "1.0",
      RefuelDiscrepancyFlagged.class, TopicFamily.REFUEL_LIFECYCLE,
      "Delivered fuel is missing from the tank.");
  public static final EventType REFUEL_ESCALATED = new EventType("refuel.escalated", "1.0",
      RefuelEscalated.class, TopicFamily.REFUEL_LIFECYCLE,
      "A refuel delivery is overdue.");
  public static final EventType REFUEL_COMMAND_REJECTED = new EventType("refuel.command-rejected", "1.0",
      RefuelCommandRejected.class, TopicFamily.REFUEL_LIFECYCLE,
      "Command refused: stale version, illegal transition or unknown refuel order; the audit trail of the refusal.");

  private static final List<EventType> ALL = all(List.of(SITE_TELEMETRY, SITE_ALARM,
      SITE_CONNECTIVITY, SITE_VISIT_SCHEDULED, SITE_REGISTERED, KPI_COMPUTED, ALERT_FIRING, ALERT_RESOLVED,
      INCIDENT_OPENED, INCIDENT_ALERT_ATTACHED, INCIDENT_RESOLVED, OPEN_INCIDENT, ATTACH_ALERT,
      CLEAR_INCIDENT, NOTIFICATION_ATTEMPTED, NOTIFICATION_SUPPRESSED, NOTIFICATION_ESCALATED,
      SILENCE_CREATED, SILENCE_EXPIRED, ROUTING_CHANGED), List.of(UPDATE_ROOT_CAUSE,
      INCIDENT_ROOT_CAUSE_CHANGED, INCIDENT_ACKNOWLEDGE,
      INCIDENT_ASSIGN,
      INCIDENT_ADD_NOTE,
      INCIDENT_RESOLVE,
      INCIDENT_CLOSE,
      INCIDENT_REOPEN,
      INCIDENT_REQUEST_DISPATCH,
      INCIDENT_ASSIGN_TECHNICIAN,
      INCIDENT_REPORT_ARRIVAL,
      INCIDENT_REPORT_WORK_DONE,
      INCIDENT_VERIFY_WORK,
      INCIDENT_CANCEL_DISPATCH,
      INCIDENT_ESCALATE_DISPATCH,
      INCIDENT_RECORD_SLA_BREACH,
      INCIDENT_ACKNOWLEDGED,
      INCIDENT_ASSIGNED,
      INCIDENT_NOTE_ADDED,
      INCIDENT_CLOSED,
      INCIDENT_REOPENED,
      INCIDENT_SYMPTOMS_CLEARED,
      INCIDENT_DISPATCH_REQUESTED,
      INCIDENT_TECHNICIAN_ASSIGNED,
      INCIDENT_TECHNICIAN_ON_SITE,
      INCIDENT_WORK_COMPLETED,
      INCIDENT_WORK_VERIFIED,
      INCIDENT_DISPATCH_CANCELLED,
      INCIDENT_DISPATCH_ESCALATED,
      INCIDENT_COMMAND_REJECTED,
      INCIDENT_SLA_BREACHED,
      OPTIMIZATION_PROPOSE,
      OPTIMIZATION_APPROVE,
      OPTIMIZATION_REJECT,
      OPTIMIZATION_APPLY,
      OPTIMIZATION_VERIFY,
      OPTIMIZATION_ROLL_BACK,
      OPTIMIZATION_PROPOSED,
      OPTIMIZATION_APPROVED,
      OPTIMIZATION_REJECTED,
      OPTIMIZATION_APPLIED,
      OPTIMIZATION_VERIFIED,
      OPTIMIZATION_ROLLED_BACK,
      OPTIMIZATION_COMMAND_REJECTED,
      REFUEL_REQUEST,
      REFUEL_RECORD_DELIVERY,
      REFUEL_CONFIRM_LEVEL,
      REFUEL_ESCALATE,
      FUEL_RUNOUT_PREDICTED,
      REFUEL_REQUESTED,
      REFUEL_DELIVERED,
      REFUEL_LEVEL_CONFIRMED,
      REFUEL_DISCREPANCY_FLAGGED,
      REFUEL_ESCALATED,
      REFUEL_COMMAND_REJECTED));

  private static final Map<String, Map<String, EventType>> BY_NAME = new HashMap<>();
  private static final Map<Class<? extends Payload>, EventType> BY_PAYLOAD = new HashMap<>();

  static {
    for (EventType type : ALL) {
      BY_NAME.computeIfAbsent(type.name(), n -> new HashMap<>()).put(type.version(), type);
      BY_PAYLOAD.merge(type.payloadClass(), type,
          (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
    }
  }

  private EventTypes() {}

  private static List<EventType> all(List<EventType> platform, List<EventType> operations) {
    List<EventType> all = new java.util.ArrayList<>(platform);
    all.addAll(operations);
    return List.copyOf(all);
  }

  public static List<EventType> all() {
    return ALL;
  }

  public static boolean isKnownName(String name) {
    return BY_NAME.containsKey(name);
  }

  public static Optional<EventType> find(String name, String version) {
    Map<String, EventType> versions = BY_NAME.get(name);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  /** The current (newest) event type a payload record is written as. */
  public static EventType forPayload(Class<? extends Payload> payloadClass) {
    EventType type = BY_PAYLOAD.get(payloadClass);
    if (type == null) {
      throw new IllegalArgumentException("no event type for " + payloadClass.getName());
    }
    return type;
  }
}
