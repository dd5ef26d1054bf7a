package com.towerco.dashboard.domain;

import static com.towerco.dashboard.domain.Fixtures.OPERATOR;
import static com.towerco.dashboard.domain.Fixtures.at;
import static com.towerco.dashboard.domain.Fixtures.event;
import static com.towerco.dashboard.domain.Fixtures.firing;
import static com.towerco.dashboard.domain.Fixtures.reading;
import static com.towerco.dashboard.domain.Fixtures.resolved;
import static com.towerco.dashboard.domain.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.platform.access.Viewer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardModelTest {
  private static final Viewer TENANT_A = Viewer.tenant("opA");
  private static final Viewer TENANT_B = Viewer.tenant("opB");
  private static final Viewer TENANT_C = Viewer.tenant("opC");

  private DashboardModel model;
  private ReadQueries queries;

  @BeforeEach
  void fleet() {
    model = new DashboardModel(ModelLimits.defaults(), new UpdateLog(1_000, 1));
    queries = model.queries();
    model.register("S1", site("nairobi", "H1", "opA", "opB"));
    model.register("S2", site("mombasa", "H2", "opB"));
  }

  @Test
  void showsEverySitesPowerStateAtAGlance() {
    model.apply(reading("S1", at(0), true, false, 100, "opA", "opB"));
    model.apply(reading("S2", at(0), false, false, 55, "opB"));

    Fleet fleet = queries.sites(Viewer.noc(), Queries.Sites.all());

    assertThat(fleet.sites()).extracting(SiteSummary::siteId, SiteSummary::status,
            SiteSummary::grid, SiteSummary::onBattery, SiteSummary::batterySocPct)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S1", SiteStatus.OK, true, false, 100.0),
            org.assertj.core.groups.Tuple.tuple("S2", SiteStatus.ON_BATTERY, false, true, 55.0));
    assertThat(fleet.byStatus()).containsEntry("ok", 1).containsEntry("on_battery", 1);
    assertThat(fleet.asOf()).isEqualTo(at(0));
  }

  @Test
  void filtersTheFleetByRegionTenantAndState() {
    model.apply(reading("S1", at(0), false, true, 90, "opA", "opB"));
    model.apply(reading("S2", at(0), true, false, 100, "opB"));

    assertThat(ids(queries.sites(Viewer.noc(), new Queries.Sites("mombasa", null, null))))
        .containsExactly("S2");
    assertThat(ids(queries.sites(Viewer.noc(), new Queries.Sites(null, "opA", null))))
        .containsExactly("S1");
    assertThat(ids(queries.sites(Viewer.noc(),
        new Queries.Sites(null, null, SiteStatus.ON_GENERATOR)))).containsExactly("S1");
  }

  @Test
  void aTenantSeesOnlyTheSitesHostingItsTenancyAndOnlyItsOwnFeed() {
    model.apply(reading("S1", at(0), true, false, 100, "opA", "opB"));
    model.apply(reading("S2", at(0), true, false, 100, "opB"));

    assertThat(ids(queries.sites(TENANT_A, Queries.Sites.all()))).containsExactly("S1");
    assertThat(ids(queries.sites(TENANT_B, Queries.Sites.all()))).containsExactly("S1", "S2");
    assertThat(queries.sites(TENANT_C, Queries.Sites.all()).sites()).isEmpty();

    SiteDetail detail = queries.site(TENANT_A, "S1").orElseThrow();
    assertThat(detail.site().tenancies()).containsExactly("opA");
    assertThat(detail.tenancies()).extracting(t -> t.tenantId()).containsExactly("opA");
    assertThat(detail.powerChain().feeds()).extracting(PowerChain.Feed::tenantId)
        .containsExactly("opA");
    assertThat(detail.series().tenants()).containsOnlyKeys("opA");
    assertThat(queries.site(TENANT_A, "S2")).isEmpty();
    assertThat(queries.site(Viewer.noc(), "S1").orElseThrow().powerChain().feeds()).hasSize(2);
  }

  @Test
  void aTenantOutageShowsOnlyToTheNocAndTheTenantWhoseFeedIsOutOfWindow() {
    Envelope low = reading("S1", at(0), false, false, 5, 40.0, "opA");
    model.apply(low);
    model.register("S1", site("nairobi", "H1", "opA", "opB"));

    assertThat(queries.site(Viewer.noc(), "S1").orElseThrow().site().status())
        .isEqualTo(SiteStatus.TENANT_OUTAGE);
    assertThat(queries.site(TENANT_A, "S1").orElseThrow().site().status())
        .isEqualTo(SiteStatus.TENANT_OUTAGE);
    assertThat(queries.site(TENANT_B, "S1").orElseThrow().site().status())
        .isEqualTo(SiteStatus.ON_BATTERY);
  }

  @Test
  void aSiteBehindAFailedHubIsUnreachableUntilItsReadingsComeBack() {
    model.apply(reading("S1", at(0), true, false, 100, "opA", "opB"));
    model.apply(Fixtures.unreachable("S1", at(10), "H1"));
    assertThat(queries.site(Viewer.noc(), "S1").orElseThrow().site().status())
        .isEqualTo(SiteStatus.UNREACHABLE);

    model.apply(reading("S1", at(20), true, false, 100, "opA", "opB"));
    assertThat(queries.site(Viewer.noc(), "S1").orElseThrow().site().status())
        .isEqualTo(SiteStatus.OK);
  }

  @Test
  void aLateReadingGoesIntoTheChartsButDoesNotReplaceANewerState() {
    model.apply(reading("S1", at(60), false, false, 40, "opA", "opB"));
    model.apply(reading("S1", at(0), true, false, 100, "opA", "opB"));

    SiteDetail detail = queries.site(Viewer.noc(), "S1").orElseThrow();
    assertThat(detail.site().status()).isEqualTo(SiteStatus.ON_BATTERY);
    assertThat(detail.series().site().get(TelemetryPoint.BATTERY_SOC_PCT).v())
        .containsExactly(100.0, 40.0);
  }

  @Test
  void countsAnEventDeliveredTwiceOnce() {
    Envelope reading = reading("S1", at(0), true, false, 100, "opA", "opB");
    Envelope alert = event("opA", "S1", at(1), firing("A1", "S1", List.of("opA")));
    long before = model.updates().lastSeq();

    assertThat(model.apply(reading)).isEqualTo(DashboardModel.Outcome.APPLIED);
    assertThat(model.apply(reading)).isEqualTo(DashboardModel.Outcome.DUPLICATE);
    model.apply(alert);
    assertThat(model.apply(alert)).isEqualTo(DashboardModel.Outcome.DUPLICATE);

    // one site update for the reading, an alert update and a site update for the alert
    assertThat(model.updates().lastSeq() - before).isEqualTo(3);
    assertThat(queries.sites(Viewer.noc(), Queries.Sites.all()).sites().get(0).openAlerts())
        .isEqualTo(1);
  }

  @Test
  void alertsFireAndResolveAndAreShownOnlyToTheTenantsTheyAffect() {
    model.apply(event("opA", "S1", at(0), firing("A1", "S1", List.of("opA", "opB"))));
    model.apply(event("opB", "S2", at(0), firing("A2", "S2", List.of("opB"))));

    assertThat(queries.alerts(TENANT_A, Queries.Alerts.all())).singleElement()
        .satisfies(a -> {
          assertThat(a.alertId()).isEqualTo("A1");
          assertThat(a.affectedTenants()).containsExactly("opA");
        });
    assertThat(queries.alerts(TENANT_C, Queries.Alerts.all())).isEmpty();
    assertThat(queries.alerts(Viewer.noc(), Queries.Alerts.all())).hasSize(2);

    model.apply(event("opA", "S1", at(30), resolved("A1", "S1", List.of("opA", "opB"), at(30))));
    // the same firing again (replay, or another tenant's copy) does not reopen it
    model.apply(event("opB", "S1", at(0), firing("A1", "S1", List.of("opA", "opB"))));

    assertThat(queries.alerts(Viewer.noc(),
        new Queries.Alerts(AlertView.State.RESOLVED, null, null, 10)))
        .extracting(AlertView::alertId).containsExactly("A1");
    assertThat(queries.alerts(Viewer.noc(),
        new Queries.Alerts(AlertView.State.FIRING, null, null, 10)))
        .extracting(AlertView::alertId).containsExactly("A2");
    assertThat(queries.site(Viewer.noc(), "S1").orElseThrow().site().openAlerts()).isZero();
  }

  @Test
  void mergesTheOperatorsAlertWithEachTenantsNarrowedCopyInAnyOrder() {
    model.apply(event("opB", "S1", at(0), firing("A1", "S1", List.of("opB"))));
    model.apply(event(OPERATOR, "S1", at(0), firing("A1", "S1", List.of("opA", "opB"))));
    model.apply(event("opA", "S1", at(0), firing("A1", "S1", List.of("opA"))));

    assertThat(queries.alerts(Viewer.noc(), Queries.Alerts.all())).singleElement()
        .satisfies(a -> assertThat(a.affectedTenants()).containsExactlyInAnyOrder("opA", "opB"));
    assertThat(queries.alerts(TENANT_A, Queries.Alerts.all())).singleElement()
        .satisfies(a -> assertThat(a.affectedTenants()).containsExactly("opA"));

    model.apply(event("opA", "S1", at(9), resolved("A1", "S1", List.of("opA"), at(9))));
    model.apply(event(OPERATOR, "S1", at(9), resolved("A1", "S1", List.of("opA", "opB"), at(9))));
    assertThat(queries.alerts(TENANT_B, Queries.Alerts.all())).singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo(AlertView.State.RESOLVED));
    assertThat(queries.site(Viewer.noc(), "S1").orElseThrow().site().openAlerts()).isZero();
  }

  @Test
  void aTenantSeesOnlyItsOwnTenancyKpisAndTheLatestWindow() {
    model.apply(event("opA", "S1", at(0), Fixtures.tenancyKpi("S1", "opA", at(0), 100)));
    model.apply(event("opA", "S1", at(60), Fixtures.tenancyKpi("S1", "opA", at(60), 97.5)));
    model.apply(event("opB", "S1", at(60), Fixtures.tenancyKpi("S1", "opB", at(60), 99)));
    model.apply(event(OPERATOR, "S1", at(60), Fixtures.siteKpi("S1", at(60), 80)));

    assertThat(queries.kpis(TENANT_A, Queries.Kpis.all())).singleElement()
        .satisfies(k -> assertThat(k.values())
            .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 97.5));
    assertThat(queries.kpis(Viewer.noc(), Queries.Kpis.all())).hasSize(3);
    assertThat(queries.kpis(Viewer.noc(),
        new Queries.Kpis(null, null, KpiComputed.KpiScope.SITE))).hasSize(1);
    assertThat(queries.site(TENANT_A, "S1").orElseThrow().kpis()).hasSize(2)
        .allMatch(k -> "opA".equals(k.tenantId()));
  }

  @Test
  void liveUpdatesAreCutToTheViewer() {
    model.apply(reading("S1", at(0), true, false, 100, "opA", "opB"));
    UpdateLog.Entry entry = model.updates().after(model.updates().lastSeq() - 1).entries().get(0);
    Update.SiteMessage forA = (Update.SiteMessage) entry.update().renderFor(TENANT_A);

    assertThat(entry.update().visibleTo(TENANT_A)).isTrue();
    assertThat(entry.update().visibleTo(TENANT_C)).isFalse();
    assertThat(forA.point().tenants()).containsOnlyKeys("opA");
    assertThat(forA.site().tenancies()).containsExactly("opA");
  }

  private static List<String> ids(Fleet fleet) {
    return fleet.sites().stream().map(SiteSummary::siteId).toList();
  }
}
