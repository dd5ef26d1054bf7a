package com.towerco.dashboard;

import com.towerco.dashboard.domain.DashboardModel;
import com.towerco.dashboard.domain.UpdateLog;
import com.towerco.dashboard.http.DashboardApi;
import com.towerco.dashboard.http.LiveStream;
import com.towerco.dashboard.http.PlatformHealth;
import com.towerco.dashboard.http.PlatformProcesses;
import com.towerco.dashboard.http.StaticAssets;
import com.towerco.dashboard.stream.DashboardEventHandler;
import com.towerco.events.TopicFamily;
import com.towerco.platform.http.ConnectionLimit;
import com.towerco.platform.health.GroupLag;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.kafka.FetchPace;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.LatestValues;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import io.micrometer.core.instrument.Gauge;
import org.apache.kafka.clients.admin.Admin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Dashboard Service: a read model fed by its own consumer group (site events, KPIs, alerts,
 * incidents) and by the inventory, served as a JSON API, a live event stream and a web page on
 * the process's shared HTTP server, and the NOC's view of every platform process (the heartbeats
 * on {@code towerco.platform.health}, lag per consumer group). It only wires those parts
 * together.
 */
public final class DashboardService implements PlatformService, HttpRoutes {
  public static final String NAME = "dashboard";

  private final ServiceContext context;
  private final DashboardModel model;
  /**
   * Off the alert path (ADR-025): the fleet view sends batched summaries once a second
   * (ADR-016) and a person reads the rest, so readings, alerts and incidents appear up to
   * about two seconds after the alert topic has them; an eager reader of every site topic
   * costs the broker a fetch over all of them every 50 ms.
   */
  public static final FetchPace PACE = FetchPace.BACKGROUND;

  private final ConsumerService consumer;
  private final DashboardApi api;
  private final LiveStream stream;
  private final StaticAssets assets = new StaticAssets();
  private final PlatformHealth health;
  private final LatestValues heartbeats;
  private final Admin admin;
  private final PlatformProcesses processes;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
      r -> new Thread(r, "dashboard-health-sampler"));
  private volatile boolean closed;

  public DashboardService(ServiceContext context, DashboardSettings settings, Clock clock) {
    this.context = context;
    // Sequence numbers start from the wall clock, so they keep increasing across restarts
    // and a page from before a restart is told to reload instead of resuming wrongly.
    UpdateLog log = new UpdateLog(settings.streamBuffer(), clock.millis() * 1_000);
    this.model = new DashboardModel(settings.limits(), log);
    this.consumer = new ConsumerService(context, NAME, settings.groupId(),
        ConsumerService.anyOf(TopicFamily.SITE_EVENTS.pattern(),
            TopicFamily.KPI_METRICS.pattern(), TopicFamily.ALERT_NOTIFICATIONS.pattern(),
            TopicFamily.INCIDENT_LIFECYCLE.pattern()),
        () -> new DashboardEventHandler(model, settings.replay(), clock,
            context.metrics().forService(NAME), source -> context.decoder().decode(
                source.topic(), source.partition(), source.offset(), source.value())),
        settings.consumers(), Duration.ofSeconds(5)).paced(PACE);
    this.api = new DashboardApi(model.queries());
    this.stream = new LiveStream(log, model.queries(), settings.keepAlive(), new ConnectionLimit(
        settings.streamsPerUser(), settings.streamsTotal()));
    this.health = new PlatformHealth(context.metrics(), clock);
    this.heartbeats = new LatestValues(context.clients(), TopicFamily.PLATFORM_HEALTH.topic(),
        "dashboard-heartbeats");
    this.admin = context.clients().admin();
    this.processes = new PlatformProcesses(heartbeats::values,
        new GroupLag(admin, clock, Duration.ofSeconds(5)), clock);
    Gauge.builder("towerco_dashboard_stream_clients", stream, LiveStream::clients)
        .description("Open live-update streams").register(context.metrics().registry());
    Gauge.builder("towerco_dashboard_sites", model, m -> m.queries().siteCount())
        .description("Sites in the dashboard's read model").register(context.metrics().registry());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start() {
    SiteDirectory directory = context.sites();
    directory.onChange(site -> {
      if (!closed) {
        model.register(site.siteId(), site.registration());
      }
    });
    directory.all().forEach(site -> model.register(site.siteId(), site.registration()));
    consumer.start();
    heartbeats.start();
    sampler.scheduleAtFixedRate(health::sample, 0, 5, TimeUnit.SECONDS);
  }

  @Override
  public boolean isLive() {
    return consumer.isLive() && heartbeats.isLive();
  }

  @Override
  public boolean isReady() {
    return !closed && consumer.isReady();
  }

  @Override
  public void register(io.javalin.config.RoutesConfig routes) {
    api.register(routes);
    stream.register(routes);
    health.register(routes);
    processes.register(routes);
    assets.register(routes);
  }

  public DashboardModel model() {
    return model;
  }

  @Override
  public void close() {
    closed = true;
    sampler.shutdownNow();
    model.updates().close();
    consumer.close();
    heartbeats.close();
    admin.close(Duration.ofSeconds(5));
  }
}
