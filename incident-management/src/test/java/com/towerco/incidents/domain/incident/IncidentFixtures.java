package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.events.payload.incident.TechnicianOnSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test data for incidents: a hub failure at H1 taking down S1 (altel) and S2 (altel, beta). */
final class IncidentFixtures {
  static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");
  static final String ID = "inc-1";
  static final IncidentOpened.RootCause ROOT = new IncidentOpened.RootCause("H1",
      "hub-transmission-failure", "every site behind H1 unreachable", 0.9);
  static final DispatchSaga.Timeouts TIMEOUTS = DispatchSaga.Timeouts.DEFAULTS;

  private IncidentFixtures() {}

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static OpenIncident open() {
    return new OpenIncident(ID, "Hub H1 transmission failure", AlertSeverity.CRITICAL, ROOT,
        List.of("al-1"), List.of("S1", "S2"), List.of("altel", "beta"), T0);
  }

  static IncidentOpened opened() {
    return new IncidentOpened(ID, "Hub H1 transmission failure", AlertSeverity.CRITICAL, ROOT,
        List.of("al-1"), List.of("S1", "S2"), List.of("altel", "beta"), T0);
  }

  static IncidentAcknowledged acknowledged() {
    return new IncidentAcknowledged(ID, "ada", null, at(1));
  }

  static IncidentResolved resolved() {
    return new IncidentResolved(ID, at(30), "all symptoms cleared", null);
  }

  static DispatchRequested dispatchRequested() {
    return new DispatchRequested(ID, "d1", "S1", "replace the rectifier", "ada", at(2),
        at(2).plus(TIMEOUTS.assign()));
  }

  static TechnicianAssigned technicianAssigned() {
    return new TechnicianAssigned(ID, "d1", "tom", "ada", at(5), at(5).plus(TIMEOUTS.arrive()));
  }

  static TechnicianOnSite technicianOnSite() {
    return new TechnicianOnSite(ID, "d1", "tom", "tom", at(60), at(60).plus(TIMEOUTS.work()));
  }
}
