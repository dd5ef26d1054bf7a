package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.Chain;
import java.time.Instant;
import java.util.List;

/**
 * A correlation group as stored in the engine's state store (so a restart keeps it).
 * {@code sequence}: its creation order in its region (null in state stored before it was kept,
 * when a region's groups were stored as one list in that order).
 */
public record GroupState(String incidentId, String kind, String anchorSite, Chain chain,
    String region, Instant createdAt, List<Member> members, boolean opened,
    Instant clearSince, String coveredHub, String announced, AlertFact.Relations relations,
    List<String> coveredPath, String sharedBy, List<String> proposals,
    com.towerco.events.payload.alert.AlertSeverity notifiedSeverity, Long sequence) {

  static GroupState of(Group g) {
    return new GroupState(g.incidentId, g.kind.name(), g.anchorSite, g.chain, g.region,
        g.createdAt, List.copyOf(g.members.values()), g.opened, g.clearSince, g.coveredHub,
        g.announced, g.anchorRelations, g.coveredPath, g.sharedBy, List.copyOf(g.proposals),
        g.notifiedSeverity, g.sequence);
  }

  Group toGroup(long order) {
    Group g = new Group(incidentId, Group.Kind.valueOf(kind), anchorSite, chain, region,
        createdAt, relations);
    members.forEach(m -> g.members.put(m.alertId(), m));
    g.opened = opened;
    g.clearSince = clearSince;
    g.coveredHub = coveredHub != null ? coveredHub : g.coveredHub;
    g.coveredPath = coveredPath == null ? List.of() : coveredPath;
    g.announced = announced;
    g.sharedBy = sharedBy;
    g.notifiedSeverity = notifiedSeverity;
    g.sequence = order;
    if (proposals != null) {
      g.proposals.addAll(proposals);
    }
    return g;
  }
}
