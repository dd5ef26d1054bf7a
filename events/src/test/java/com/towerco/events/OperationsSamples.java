package com.towerco.events;

import com.towerco.events.payload.*;
import com.towerco.events.payload.alert.*;
import com.towerco.events.payload.incident.*;
import com.towerco.events.payload.kpi.*;
import com.towerco.events.payload.notification.*;
import com.towerco.events.payload.optimization.*;
import com.towerco.events.payload.refuel.*;
import com.towerco.events.payload.site.*;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One valid event of every incident-management type (incidents, dispatch, SLA, energy
 * optimizations, refuelling), with every optional field filled. Generated with the schemas.
 */
final class OperationsSamples {
  private static final Instant T0 = Samples.T0;

  private OperationsSamples() {}

  static List<Payload> all() {
    return List.of(
        new AcknowledgeIncident("inc-1", 1, "requested by", "comment"),
        new AssignIncident("inc-1", 1, "requested by", "assignee"),
        new AddIncidentNote("inc-1", 1, "requested by", "text", true),
        new ResolveIncident("inc-1", 1, "requested by", "resolution"),
        new CloseIncident("inc-1", 1, "requested by", "comment"),
        new ReopenIncident("inc-1", 1, "requested by", "reason"),
        new RequestDispatch("inc-1", 1, "requested by", "S0001", "reason"),
        new AssignTechnician("inc-1", 1, "requested by", "d1", "technician"),
        new ReportArrival("inc-1", 1, "requested by", "d1"),
        new ReportWorkDone("inc-1", 1, "requested by", "d1", "summary"),
        new VerifyWork("inc-1", 1, "requested by", "d1", "comment"),
        new CancelDispatch("inc-1", 1, "requested by", "d1", "reason"),
        new EscalateDispatch("inc-1", "d1", DispatchStep.TECHNICIAN_ASSIGNED, T0),
        new RecordSlaBreach("mtn", "S0001", "2026-11", 12.5, 12.5, 12.5, 12.5, "inc-1", T0),
        new IncidentAcknowledged("inc-1", "by", "comment", T0),
        new IncidentAssigned("inc-1", "assignee", "by", T0),
        new IncidentNoteAdded("inc-1", "n1", "text", "by", true, T0),
        new IncidentClosed("inc-1", "by", "comment", T0),
        new IncidentReopened("inc-1", "by", "reason", T0),
        new IncidentSymptomsCleared("inc-1", "resolution", T0),
        new DispatchRequested("inc-1", "d1", "S0001", "reason", "by", T0, T0),
        new TechnicianAssigned("inc-1", "d1", "technician", "by", T0, T0),
        new TechnicianOnSite("inc-1", "d1", "technician", "by", T0, T0),
        new WorkCompleted("inc-1", "d1", "summary", "by", T0, T0),
        new WorkVerified("inc-1", "d1", "by", "comment", T0),
        new DispatchCancelled("inc-1", "d1", "reason", "by", T0),
        new DispatchEscalated("inc-1", "d1", DispatchStep.TECHNICIAN_ASSIGNED, 1, T0, T0, T0),
        new IncidentCommandRejected("inc-1", "c-1", "incident.acknowledge", RejectionCode.STALE_VERSION, "reason", 1, 1, T0),
        new SlaBreached("mtn", "S0001", "2026-11", 12.5, 12.5, 12.5, 12.5, "inc-1", T0),
        new ProposeOptimization("opt-1", "S0001", OptimizationKind.GRID_PRIORITY, "title", "rationale", Map.of("fuel_l", 3.5), Map.of("fuel_l", 3.5), T0),
        new ApproveOptimization("opt-1", 1, "requested by", "comment"),
        new RejectOptimization("opt-1", 1, "requested by", "reason"),
        new ApplyOptimization("opt-1", 1, "requested by", "comment"),
        new VerifyOptimization("opt-1", "fuel_l", "l", 12.5, 12.5, 1, T0, T0),
        new RollBackOptimization("opt-1", 1, "requested by", "reason"),
        new OptimizationProposed("opt-1", "S0001", OptimizationKind.GRID_PRIORITY, "title", "rationale", Map.of("fuel_l", 3.5), Map.of("fuel_l", 3.5), T0),
        new OptimizationApproved("opt-1", "by", "comment", T0),
        new OptimizationRejected("opt-1", "by", "reason", T0),
        new OptimizationApplied("opt-1", "by", "comment", T0, T0),
        new OptimizationVerified("opt-1", "fuel_l", "l", 12.5, 12.5, 12.5, 1, true, T0),
        new OptimizationRolledBack("opt-1", "by", "reason", T0),
        new OptimizationCommandRejected("opt-1", "c-1", "incident.acknowledge", RejectionCode.STALE_VERSION, "reason", 1, 1, T0),
        new RequestRefuel("ref-1", "S0001", 12.5, 12.5, 12.5, T0, T0, 12.5, T0),
        new RecordDelivery("ref-1", 1, "requested by", 12.5),
        new ConfirmFuelLevel("ref-1", 12.5, 12.5, T0),
        new EscalateRefuel("ref-1", T0),
        new FuelRunoutPredicted("ref-1", "S0001", 12.5, 12.5, 12.5, T0, T0, T0),
        new RefuelRequested("ref-1", "S0001", 12.5, T0, T0),
        new RefuelDelivered("ref-1", "S0001", 12.5, "by", T0),
        new RefuelLevelConfirmed("ref-1", "S0001", 12.5, 12.5, 12.5, T0),
        new RefuelDiscrepancyFlagged("ref-1", "S0001", 12.5, 12.5, 12.5, 12.5, T0),
        new RefuelEscalated("ref-1", "S0001", 1, T0, T0, T0),
        new RefuelCommandRejected("ref-1", "c-1", "incident.acknowledge", RejectionCode.STALE_VERSION, "reason", 1, 1, T0));
  }
}
