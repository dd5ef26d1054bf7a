package com.towerco.dashboard.domain;

import static com.towerco.dashboard.domain.Fixtures.at;
import static com.towerco.dashboard.domain.Fixtures.reading;
import static com.towerco.dashboard.domain.Fixtures.site;
import static com.towerco.dashboard.domain.Fixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.platform.access.Viewer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetViewTest {
  private static final Viewer TENANT_A = Viewer.tenant("opA");

  private DashboardModel model;
  private ReadQueries queries;

  @BeforeEach
  void fleet() {
    model = new DashboardModel(ModelLimits.defaults(), new UpdateLog(1_000, 1));
    queries = model.queries();
    model.register("S1", site("nairobi", "H1", "opA", "opB"));
    model.register("S2", site("nairobi", "H1", "opB"));
    model.register("S3", site("mombasa", "H2", "opA"));
    model.apply(reading("S1", at(0), true, false, 100, "opA", "opB"));
    model.apply(reading("S2", at(0), false, false, 55, "opB"));
    model.apply(reading("S3", at(0), false, true, 90, "opA"));
  }

  @Test
  void countsTheFleetByStateRegionAndTenant() {
    FleetView view = queries.fleet(Viewer.noc(), null);

    assertThat(view.sites()).extracting(FleetSite::siteId).containsExactly("S1", "S2", "S3");
    assertThat(view.sites().get(0).lat()).isEqualTo(-1.28);
    assertThat(view.summary().sites()).isEqualTo(3);
    assertThat(view.summary().byState()).isEqualTo(
        Map.of("ok", 1, "on_battery", 1, "on_generator", 1));
    assertThat(view.summary().byRegion()).isEqualTo(Map.of(
        "nairobi", Map.of("ok", 1, "on_battery", 1), "mombasa", Map.of("on_generator", 1)));
    assertThat(view.summary().byTenant()).isEqualTo(Map.of(
        "opA", Map.of("ok", 1, "on_generator", 1), "opB", Map.of("ok", 1, "on_battery", 1)));
  }

  @Test
  void aTenantCountsAndSeesOnlyItsOwnSitesAndName() {
    FleetView view = queries.fleet(TENANT_A, null);

    assertThat(view.sites()).extracting(FleetSite::siteId).containsExactly("S1", "S3");
    assertThat(view.sites()).allSatisfy(s -> assertThat(s.tenants()).containsExactly("opA"));
    assertThat(view.summary().byTenant()).containsOnlyKeys("opA");
    assertThat(queries.fleetSummary(TENANT_A, null).sites()).isEqualTo(2);
  }

  @Test
  void aBatchCarriesEachChangedSiteOnceAndDropsReadingsThatChangeNothingDrawn() {
    long from = model.updates().lastSeq();
    FleetDigest digest = new FleetDigest(Viewer.noc());
    for (int i = 1; i <= 5; i++) {
      model.apply(reading("S1", at(i), true, false, 100 - i, "opA", "opB"));
    }
    model.apply(unreachable("S2", at(6), "H1"));
    model.updates().after(from).entries().forEach(e -> digest.add(e.update()));

    FleetDigest.Batch first = digest.drain();
    assertThat(first.sites()).extracting(FleetSite::siteId, FleetSite::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("S1", SiteStatus.OK),
            org.assertj.core.groups.Tuple.tuple("S2", SiteStatus.UNREACHABLE));

    long next = model.updates().lastSeq();
    model.apply(reading("S1", at(7), true, false, 90, "opA", "opB")); // still OK: not drawn
    model.updates().after(next).entries().forEach(e -> digest.add(e.update()));
    assertThat(digest.drain().isEmpty()).isTrue();
  }

  @Test
  void aTenantsBatchLeavesOutOtherTenantsSites() {
    long from = model.updates().lastSeq();
    FleetDigest digest = new FleetDigest(TENANT_A);
    model.apply(unreachable("S2", at(6), "H1"));
    model.apply(unreachable("S3", at(6), "H2"));
    model.updates().after(from).entries().forEach(e -> digest.add(e.update()));

    assertThat(digest.drain().sites()).extracting(FleetSite::siteId).containsExactly("S3");
  }
}
