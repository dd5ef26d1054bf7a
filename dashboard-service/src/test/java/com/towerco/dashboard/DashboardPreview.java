package com.towerco.dashboard;

import com.towerco.dashboard.domain.Fixtures;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A manual preview of the web page (not a test): an embedded broker, a small made-up fleet with
 * a hub failure, the dashboard on port 8080 (or the first argument). {@code ?tenant=} is not
 * supported; send header {@code X-Tenant} to see a tenant's view of the API.
 */
public final class DashboardPreview {
  private DashboardPreview() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Path dir = Files.createTempDirectory("dashboard-preview");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
    ServiceContext context = new ServiceContext(
        PlatformConfig.local(broker.bootstrapServers(), dir), new PlatformMetrics());
    EventPublisher out = context.outputs("preview", "").publisher();
    String[] regions = {"nairobi", "mombasa", "kisumu"};
    String[] tenants = {"safaricom", "airtel", "telkom"};
    Random random = new Random(7);
    Map<String, List<String>> fleet = new java.util.HashMap<>();
    for (int i = 1; i <= 24; i++) {
      String id = String.format("S%03d", i);
      boolean hub = i % 8 == 1;
      String hubId = hub ? null : String.format("S%03d", (i - 1) / 8 * 8 + 1);
      List<String> hosted = List.of(tenants).subList(0, 1 + random.nextInt(3));
      fleet.put(id, hosted);
      SiteRegistered site = Fixtures.site(regions[(i - 1) / 8], hubId, hosted.toArray(String[]::new));
      site = new SiteRegistered("Tower " + id, site.region(), hubId, hub, site.latitude(),
          site.longitude(), site.power(), site.tenancies());
      out.publish(TopicFamily.INVENTORY, id, envelope(Fixtures.OPERATOR, id, Instant.now(), site));
    }
    out.flush();
    DashboardService service = (DashboardService) new DashboardServiceFactory()
        .create(context, ServiceSettings.empty());
    service.start();
    Authenticator auth = ctx -> ctx.header("X-Tenant") == null ? Caller.operator("preview")
        : Caller.tenant("preview", ctx.header("X-Tenant"));
    WebServer web = WebServer.start(port, context.metrics(), service::isReady, auth,
        List.of(service));
    System.out.println("dashboard preview on http://localhost:" + web.port() + "/");

    Instant start = Instant.now().minus(Duration.ofMinutes(20));
    for (int step = 0; ; step++) {
      Instant at = start.plusSeconds(step * 10L);
      boolean live = at.isAfter(Instant.now());
      for (int i = 1; i <= 24; i++) {
        String id = String.format("S%03d", i);
        boolean behindFailedHub = i >= 18 && i <= 24 && step > 100;
        if (behindFailedHub) {
          continue;
        }
        boolean grid = !(i % 5 == 0 && step > 60);
        boolean gen = !grid && i % 10 != 0;
        double soc = grid || gen ? 100 : Math.max(5, 100 - (step - 60) * 0.8);
        double dc = soc < 12 ? 41 : 53.5 - (grid || gen ? 0 : (100 - soc) * 0.06)
            + random.nextGaussian() * 0.1;
        List<String> hosted = fleet.get(id);
        out.publish(TopicFamily.SITE_EVENTS, id, id, Fixtures.reading(id, at, grid, gen, soc,
            dc, hosted.toArray(String[]::new)));
      }
      if (step == 101) {
        for (int i = 18; i <= 24; i++) {
          String id = String.format("S%03d", i);
          out.publish(TopicFamily.SITE_EVENTS, id, id, envelope(Fixtures.OPERATOR, id, at,
              new SiteConnectivity(SiteConnectivity.ConnectivityState.UNREACHABLE, "S017",
                  "hub S017 transmission down")));
        }
        out.publish(TopicFamily.SITE_EVENTS, "S017", "S017", envelope(Fixtures.OPERATOR,
            "S017", at, new SiteAlarm("tx-1", SiteAlarm.AlarmState.RAISED,
                SiteAlarm.PerceivedSeverity.CRITICAL, SiteAlarm.X733EventType.COMMUNICATIONS,
                SiteAlarm.ProbableCause.TRANSMISSION_FAILURE, "Microwave link down",
                "mw-link-1", null, null)));
        for (String tenant : tenants) {
          var alert = Fixtures.firing("hub-S017-" + tenant, "S017", List.of(tenant));
          out.publish(TopicFamily.ALERT_NOTIFICATIONS, tenant, alert.fingerprint(),
              envelope(tenant, "S017", at, new com.towerco.events.payload.alert.AlertFiring(
                  alert.alertId(), alert.fingerprint(), "hub_transmission_failure",
                  AlertSeverity.CRITICAL, "7 sites behind hub S017 unreachable", "S017",
                  "kisumu", null, List.of(tenant), Map.of(), at, List.of())));
          out.publish(TopicFamily.INCIDENT_LIFECYCLE, tenant, "INC-1", envelope(tenant,
              "S017", at, new IncidentOpened("INC-1", "Hub S017 transmission failure",
                  AlertSeverity.CRITICAL, new IncidentOpened.RootCause("S017",
                      "transmission_failure", "all 7 sites behind hub S017 went dark at once",
                      0.92), List.of("hub-S017-" + tenant),
                  List.of("S018", "S019", "S020", "S021", "S022", "S023", "S024"),
                  List.of(tenant), at)));
        }
      }
      if (step % 6 == 0) {
        for (int i = 1; i <= 24; i++) {
          String id = String.format("S%03d", i);
          out.publish(TopicFamily.KPI_METRICS, "safaricom", id, envelope("safaricom", id, at,
              new KpiComputed(KpiComputed.KpiScope.TENANCY, id, "safaricom",
                  regions[(i - 1) / 8], at.minusSeconds(60), at, 6,
                  Map.of(KpiComputed.POWER_AVAILABILITY_PCT, 100 - random.nextDouble() * 2))));
        }
      }
      out.flush();
      if (live) {
        Thread.sleep(10_000);
      }
    }
  }

  private static Envelope envelope(String tenant, String site, Instant at, Payload payload) {
    return Envelope.of(EventIds.random(), tenant, site, at, payload, Map.of());
  }
}
