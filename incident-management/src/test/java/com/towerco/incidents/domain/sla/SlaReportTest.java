package com.towerco.incidents.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaReportTest {
  private static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");

  @Test
  void eachOutageNamesTheIncidentsThatOverlapItAndTheCsvListsThem() {
    SlaPeriod s1 = new SlaPeriod("altel", "S1", YearMonth.of(2026, 11), 99.95, 100, 30, 2,
        List.of(new SlaPeriod.Outage(T0, T0.plusSeconds(1800), 30)), T0.plusSeconds(1320),
        T0.plusSeconds(1800));
    SlaPeriod s2 = new SlaPeriod("altel", "S2", YearMonth.of(2026, 11), 99.9, 100, 0, 0,
        List.of(), null, T0.plusSeconds(1800));
    var hub = new SlaReport.IncidentRef("inc-1", "Hub H1 down", "critical",
        "hub-transmission-failure", "links lost, \"fibre cut\"", "H1", T0.minusSeconds(60),
        T0.plusSeconds(2000), List.of("S1", "S2"));
    var old = new SlaReport.IncidentRef("inc-0", "Old", "minor", "door-open", "door", "S1",
        Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T01:00:00Z"),
        List.of("S1"));

    SlaReport report = SlaReport.build("altel", YearMonth.of(2026, 11), List.of(s1, s2),
        List.of(hub, old));

    assertThat(report.sitesBreached()).isEqualTo(1);
    assertThat(report.minutesOutOfWindow()).isEqualTo(30.0);
    assertThat(report.sites().get(0).outages().get(0).incidentIds()).containsExactly("inc-1");
    assertThat(report.incidents()).extracting(SlaReport.IncidentEvidence::incidentId)
        .as("an incident of another month is no evidence").containsExactly("inc-1");
    assertThat(report.incidents().get(0).outageMinutes()).isEqualTo(30.0);
    assertThat(report.csv().lines()).containsExactly(
        "tenant_id,month,site_id,target_pct,availability_pct,minutes_measured,"
            + "minutes_out_of_window,minutes_unreported,allowed_minutes,breached,breached_at,"
            + "outage_start,outage_end,outage_minutes,incident_ids,root_causes",
        "altel,2026-11,S1,99.95,70.0,100.0,30.0,2.0,21.6,true,2026-11-03T10:22:00Z,"
            + "2026-11-03T10:00:00Z,2026-11-03T10:30:00Z,30.0,inc-1,"
            + "hub-transmission-failure@H1",
        "altel,2026-11,S2,99.9,100.0,100.0,0.0,0.0,43.2,false,,,,,,");
  }
}
