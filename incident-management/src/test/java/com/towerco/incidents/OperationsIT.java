package com.towerco.incidents;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.incidents.view.ReadModels;
import com.towerco.platform.runtime.Projection;
import com.towerco.platform.runtime.ProjectionRebuilder;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The event-driven half of the service on a real broker: a tenant's SLA clock breaching from
 * KPI windows and its monthly report; an energy optimization proposed from KPI days, approved,
 * applied and verified from later days; a refuel ordered from telemetry, delivered and flagged
 * short. Then every read model, rebuilt from the topics, equals the live one.
 */
class OperationsIT {
  private static final Instant DAY1 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ServiceSettings SETTINGS = ServiceSettings.empty()
      .with("incidents.optimization-verify-over", "P2D")
      .with("incidents.telemetry-replay", "PT1H");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void slaClocksEnergyOptimizationsAndRefuelsWorkFromEventsAndRebuildToTheSameModels()
      throws Exception {
    ServiceContext context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("S1", aSite().withTenant("altel").withTenant("beta").build(), DAY1);
      feeder.flush();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> context.sites().site("S1").isPresent());
    MutableClock clock = new MutableClock(Instant.parse("2026-11-02T12:00:00Z"));
    try (RunningService running = new RunningService(context, SETTINGS, clock);
        ServiceContext.Outputs out = context.outputs("test-feed", "")) {
      ApiClient api = running.api;
      slaBreachAndReport(context, out, api);
      energyOptimization(out, api, clock);
      refuel(context, api, clock);
      rebuiltModelsEqualTheLiveOnes(context, running.service.readModels(),
          running.service.projections());
    }
  }

  private static void slaBreachAndReport(ServiceContext context, ServiceContext.Outputs out,
      ApiClient api) {
    Instant t0 = Instant.parse("2026-11-03T10:00:00Z");
    RunningService.send(context, "inc-9", t0, "S1", new OpenIncident("inc-9",
        "Battery exhausted at S1", AlertSeverity.CRITICAL, new IncidentOpened.RootCause("S1",
            "battery-exhaustion", "mains lost, generator failed to start", 0.8),
        List.of("al-9"), List.of("S1"), List.of("altel", "beta"), t0));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.getAs("altel", "/api/v1/incidents/inc-9").status() == 200);
    for (int minute = 0; minute < 30; minute++) {
      Instant start = t0.plus(Duration.ofMinutes(minute));
      kpi(out, "altel", new KpiComputed(KpiComputed.KpiScope.TENANCY, "S1", "altel", "north",
          start, start.plusSeconds(60), 6, Map.of(KpiComputed.POWER_AVAILABILITY_PCT, 0.0,
              KpiComputed.REPORTING_PCT, 100.0)));
      kpi(out, "beta", new KpiComputed(KpiComputed.KpiScope.TENANCY, "S1", "beta", "north",
          start, start.plusSeconds(60), 6, Map.of(KpiComputed.POWER_AVAILABILITY_PCT,
              minute < 10 ? 0.0 : 100.0, KpiComputed.REPORTING_PCT, 100.0)));
    }
    out.publisher().flush();

    await().atMost(Duration.ofSeconds(30)).until(() ->
        api.getAs("altel", "/api/v1/incidents/inc-9").json().get("sla_breaches").size() == 1);
    JsonNode breach = api.getAs("altel", "/api/v1/incidents/inc-9").json().at("/sla_breaches/0");
    assertThat(breach.get("breached_at").asText()).isEqualTo("2026-11-03T10:22:00Z");
    assertThat(breach.get("allowed_minutes").asDouble()).isEqualTo(21.6);

    JsonNode report = api.getAs("altel", "/api/v1/sla/altel?month=2026-11").json();
    assertThat(report.at("/sites/0/site_id").asText()).isEqualTo("S1");
    assertThat(report.at("/sites/0/minutes_out_of_window").asDouble()).isEqualTo(30.0);
    assertThat(report.at("/sites/0/breached").asBoolean()).isTrue();
    assertThat(report.at("/sites/0/outages/0/incident_ids/0").asText()).isEqualTo("inc-9");
    assertThat(report.at("/incidents/0/root_cause_kind").asText())
        .isEqualTo("battery-exhaustion");
    JsonNode beta = api.getAs("beta", "/api/v1/sla/beta?month=2026-11").json();
    assertThat(beta.at("/sites/0/breached").asBoolean()).as("10 minutes are within budget")
        .isFalse();
    assertThat(beta.toString()).doesNotContain("altel");
    assertThat(api.getAs("beta", "/api/v1/sla/altel?month=2026-11").status()).isEqualTo(404);

    ApiClient.Response csv = api.get("/api/v1/sla/altel.csv?month=2026-11");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().lines()).hasSize(2);
    assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
        .startsWith("altel,2026-11,S1,99.95,0.0,30.0,30.0,0.0,21.6,true,")
        .endsWith(",inc-9,battery-exhaustion@S1");
  }

  private static void energyOptimization(ServiceContext.Outputs out, ApiClient api,
      MutableClock clock) {
    siteDays(out, DAY1, 1, 6);
    siteHours(out, DAY1.plus(Duration.ofDays(1)), 1, 6);
    String id = "opt-grid-priority-S1";
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/optimizations/" + id).status() == 200);
    JsonNode proposed = api.get("/api/v1/optimizations/" + id).json().get("state");
    assertThat(proposed.get("status").asText()).isEqualTo("proposed");
    assertThat(proposed.at("/evidence/generator_on_grid_h").asDouble()).isEqualTo(6.0);
    assertThat(api.getAs("altel", "/api/v1/optimizations").status()).isEqualTo(403);

    assertThat(api.post("/api/v1/optimizations/" + id + "/approve",
        "{\"expected_version\":1}").json().get("status").asText()).isEqualTo("approved");
    JsonNode applied = api.post("/api/v1/optimizations/" + id + "/apply",
        "{\"expected_version\":2,\"comment\":\"controller set to grid priority\"}").json();
    assertThat(applied.get("verify_after").asText()).isEqualTo("2026-11-04T12:00:00Z");
    assertThat(api.post("/api/v1/optimizations/" + id + "/apply", "{\"expected_version\":3}")
        .status()).isEqualTo(422);

    siteHours(out, DAY1.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), 23, 0);
    siteDays(out, DAY1.plus(Duration.ofDays(2)), 2, 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/optimizations/" + id)
        .json().at("/state/status").asText().equals("verified"));
    JsonNode verification = api.get("/api/v1/optimizations/" + id).json()
        .at("/state/verification");
    assertThat(verification.get("baseline_per_day").asDouble()).isEqualTo(15.0);
    assertThat(verification.get("measured_per_day").asDouble()).isEqualTo(0.0);
    assertThat(verification.get("savings_per_day").asDouble()).isEqualTo(15.0);
    assertThat(verification.get("effective").asBoolean()).isTrue();
    clock.advance(Duration.ZERO);
  }

  private static void refuel(ServiceContext context, ApiClient api, MutableClock clock) {
    Instant t = Instant.parse("2026-11-05T08:00:00Z");
    try (EventFeeder feeder = new EventFeeder(context)) {
      // Readings with routing headers are read projected (ADR-037), those without (a third
      // party's) decoded in full; both feed the refuel saga alike.
      for (int i = 0; i <= 12; i++) {
        SiteTelemetry reading = aReading().gridDown().generatorRunning().fuel(300 - 20 * i)
            .build();
        Instant at = t.plus(Duration.ofMinutes(10L * i));
        if (i % 2 == 0) {
          feeder.withHeaders(Envelope.of(EventIds.random(), context.config().operatorTenant(),
              "S1", at, reading, Map.of("producer", "test")));
        } else {
          feeder.site("S1", at, reading);
        }
      }
      feeder.flush();
      await().atMost(Duration.ofSeconds(30)).until(() ->
          api.get("/api/v1/refuels?site=S1").json().get("count").asInt() == 1);
      JsonNode order = api.get("/api/v1/refuels?site=S1").json().at("/refuels/0");
      assertThat(order.get("refuel_id").asText()).isEqualTo("ref-S1-20261105");
      assertThat(order.get("status").asText()).isEqualTo("requested");
      assertThat(order.get("burn_lph").asDouble()).isEqualTo(120.0);

      Instant lastReading = t.plus(Duration.ofMinutes(120));
      clock.advance(Duration.between(clock.instant(), lastReading.plusSeconds(60)));
      JsonNode delivered = api.post("/api/v1/refuels/ref-S1-20261105/deliveries",
          "{\"expected_version\":2,\"litres\":800}").json();
      assertThat(delivered.get("status").asText()).isEqualTo("delivered");
      feeder.site("S1", lastReading.plus(Duration.ofMinutes(15)),
          aReading().gridDown().generatorRunning().fuel(560).build());
      feeder.flush();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/refuels/ref-S1-20261105")
        .json().at("/state/status").asText().equals("discrepancy"));
    JsonNode flagged = api.get("/api/v1/refuels/ref-S1-20261105").json().get("state");
    assertThat(flagged.get("level_before_l").asDouble()).isEqualTo(60.0);
    assertThat(flagged.get("missing_l").asDouble()).isEqualTo(300.0);
  }

  private static void rebuiltModelsEqualTheLiveOnes(ServiceContext context, ReadModels live,
      List<Projection> fresh) throws Exception {
    ProjectionRebuilder rebuilder = new ProjectionRebuilder(context.clients(), context.codec());
    Map<String, Projection> byName = new HashMap<>();
    for (Projection p : fresh) {
      rebuilder.rebuild(p, total -> { }, read -> { });
      byName.put(p.name(), p);
    }
    var incidents = (com.towerco.incidents.view.IncidentProjection) byName.get("incidents");
    assertThat(incidents.snapshot()).isEqualTo(live.incidents().snapshot());
    assertThat(incidents.breachSnapshot()).isEqualTo(live.incidents().breachSnapshot())
        .isNotEmpty();
    assertThat(((com.towerco.incidents.view.AggregateProjection<?, ?, ?>)
        byName.get("optimizations")).snapshot()).isEqualTo(live.optimizations().snapshot());
    assertThat(((com.towerco.incidents.view.AggregateProjection<?, ?, ?>)
        byName.get("refuels")).snapshot()).isEqualTo(live.refuels().snapshot()).isNotEmpty();
    assertThat(((com.towerco.incidents.view.SlaProjection) byName.get("sla")).snapshot())
        .isEqualTo(live.sla().snapshot()).isNotEmpty();
  }

  /** Whole days of hourly site windows: generator on for the first hours while the grid is up. */
  private static void siteDays(ServiceContext.Outputs out, Instant from, int days,
      int generatorHours) {
    for (int d = 0; d < days; d++) {
      siteHours(out, from.plus(Duration.ofDays(d)), 24, generatorHours);
    }
  }

  private static void siteHours(ServiceContext.Outputs out, Instant from, int hours,
      int generatorHours) {
    for (int h = 0; h < hours; h++) {
      boolean running = h < generatorHours;
      Instant start = from.plus(Duration.ofHours(h));
      kpi(out, "towerco", new KpiComputed(KpiComputed.KpiScope.SITE, "S1", null, "north", start,
          start.plus(Duration.ofHours(1)), 720, Map.of(
              KpiComputed.GRID_AVAILABILITY_PCT, 100.0,
              KpiComputed.GENERATOR_RUN_S, running ? 3600.0 : 0.0,
              KpiComputed.FUEL_CONSUMED_L, running ? 2.5 : 0.0,
              KpiComputed.BATTERY_MIN_SOC_PCT, 60.0)));
    }
    out.publisher().flush();
  }

  private static void kpi(ServiceContext.Outputs out, String tenant, KpiComputed kpi) {
    out.publisher().publish(TopicFamily.KPI_METRICS, tenant, kpi.siteId(), Envelope.of(
        EventIds.derived("kpi", tenant, kpi.siteId(), kpi.windowStart().toString()), tenant,
        kpi.siteId(), kpi.windowEnd(), kpi, Map.of("producer", "test")));
  }
}
