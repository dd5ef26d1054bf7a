package com.towerco.incidents;

import com.towerco.events.TopicFamily;
import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.domain.incident.TenantViews;
import com.towerco.incidents.domain.optimization.EnergyAdvisor;
import com.towerco.incidents.domain.optimization.OptimizationAggregate;
import com.towerco.incidents.domain.refuel.RefuelAggregate;
import com.towerco.incidents.domain.sla.SlaLedger;
import com.towerco.incidents.http.IncidentApi;
import com.towerco.incidents.stream.AggregateCatalog;
import com.towerco.incidents.stream.CommandBus;
import com.towerco.incidents.stream.CommandStreams;
import com.towerco.incidents.stream.ViewHandler;
import com.towerco.incidents.view.CommandOutcomes;
import com.towerco.incidents.view.ReadModels;
import com.towerco.incidents.view.ViewSnapshot;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.kafka.FetchPace;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.Projection;
import com.towerco.platform.runtime.ProjectionSource;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.runtime.ViewFeed;
import com.towerco.platform.runtime.ViewSnapshots;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Incident management, wired: the command processor (consumer group
 * {@code towerco-incident-management}, the single writer of the event-sourced streams), this
 * instance's read models and watchers (fed outside any group), and the HTTP API over them.
 */
public final class IncidentService implements PlatformService, HttpRoutes, ProjectionSource {
  private final ServiceContext context;
  private final String operator;
  private final ReadModels models;
  private final ConsumerService commands;
  /**
   * Off the alert path (ADR-025): the read models behind the incident API and pages; an API
   * call that waits for its own outcome wakes the feed at once (ViewFeed reads on while anyone
   * waits), so only unsolicited updates (telemetry context, KPIs, others' changes) show up to
   * about two seconds later; an eager reader of every site topic costs the broker a fetch over
   * all of them every 50 ms.
   */
  public static final FetchPace VIEW_PACE = FetchPace.BACKGROUND;

  private final ViewFeed view;
  private final ServiceContext.Outputs viewOutputs;
  private final IncidentApi api;
  private final OptimizationAggregate optimizationAggregate;
  private final RefuelAggregate refuelAggregate;

  public IncidentService(ServiceContext context, ServiceSettings settings, Clock clock) {
    this.context = context;
    this.operator = context.config().operatorTenant();
    SiteDirectory sites = context.sites();
    DispatchSaga.Timeouts timeouts = new DispatchSaga.Timeouts(
        IncidentSettings.ASSIGN_WITHIN.from(settings),
        IncidentSettings.ARRIVE_WITHIN.from(settings),
        IncidentSettings.WORK_WITHIN.from(settings),
        IncidentSettings.VERIFY_WITHIN.from(settings));
    IncidentAggregate incidents = new IncidentAggregate(timeouts);
    this.optimizationAggregate = new OptimizationAggregate(
        IncidentSettings.OPTIMIZATION_VERIFY_OVER.from(settings));
    this.refuelAggregate = new RefuelAggregate();
    AggregateCatalog catalog = new AggregateCatalog(List.of(incidents, new SlaLedger(),
        optimizationAggregate, refuelAggregate));
    TenantViews tenantViews = new TenantViews(site -> sites.site(site)
        .map(s -> s.tenancies().stream().map(t -> t.tenantId()).collect(Collectors.toSet()))
        .orElse(Set.of()), operator);

    AtomicReference<ViewHandler> handler = new AtomicReference<>();
    this.models = ReadModels.create(optimizationAggregate, refuelAggregate, slaTargets(sites),
        period -> handler.get().breached(period));
    this.viewOutputs = context.outputs(IncidentServiceFactory.NAME, "-view");
    CommandBus viewBus = new CommandBus(viewOutputs.publisher(), catalog, operator);
    CommandOutcomes outcomes = new CommandOutcomes();
    handler.set(new ViewHandler(models, outcomes, viewBus, operator, site -> sites.site(site)
        .map(s -> new EnergyAdvisor.SiteSpec(s.registration().power().generatorConsumptionLph(),
            s.registration().power().batteryCapacityAh()))));
    this.view = new ViewFeed(context.clients(), context.decoder(),
        context.metrics().forService(IncidentServiceFactory.NAME + "-view"),
        CommandStreams.viewSources(catalog, IncidentSettings.KPI_REPLAY.from(settings),
            IncidentSettings.TELEMETRY_REPLAY.from(settings)),
        handler.get(), clock, "incidents-view", VIEW_PACE);
    // a request waiting for its command's outcome wakes the paced view (ADR-025)
    view.readOnWhile(outcomes::anyWaiting);
    outcomes.whenWaited(view::wake);
    if (IncidentSettings.SNAPSHOTS.from(settings) && context.config().dataDir() != null) {
      view.snapshots(new ViewSnapshots(context.config().dataDir().resolve("snapshots")
          .resolve("incidents-view.snapshot"), new ViewSnapshot(models, context.codec()),
          CommandStreams.lifecycleTopics(catalog),
          IncidentSettings.SNAPSHOT_INTERVAL.from(settings),
          IncidentSettings.SNAPSHOT_MIN_EVENTS.from(settings)));
    }
    this.commands = CommandStreams.create(context, catalog, timeouts, incidents,
        refuelAggregate, tenantViews, clock,
        IncidentSettings.TIMER_INTERVAL.from(settings),
        IncidentSettings.INSTANCES.from(settings));
    this.api = new IncidentApi(models, incidents, viewBus, outcomes,
        IncidentSettings.COMMAND_TIMEOUT.from(settings), clock, operator,
        context.codec());
  }

  private static java.util.function.BiFunction<String, String, OptionalDouble> slaTargets(
      SiteDirectory sites) {
    return (site, tenant) -> sites.site(site).flatMap(s -> s.tenancy(tenant))
        .map(t -> OptionalDouble.of(t.slaAvailabilityPct())).orElse(OptionalDouble.empty());
  }

  @Override
  public String name() {
    return IncidentServiceFactory.NAME;
  }

  @Override
  public void start() {
    for (TopicFamily family : List.of(TopicFamily.INCIDENT_COMMANDS,
        TopicFamily.INCIDENT_LIFECYCLE, TopicFamily.OPTIMIZATION_COMMANDS,
        TopicFamily.OPTIMIZATION_LIFECYCLE, TopicFamily.REFUEL_COMMANDS,
        TopicFamily.REFUEL_LIFECYCLE)) {
      context.topics().ensure(family, operator);
    }
    view.start();
    commands.start();
  }

  @Override
  public boolean isLive() {
    return commands.isLive() && view.isLive();
  }

  @Override
  public boolean isReady() {
    return commands.isReady() && view.healthy() && view.caughtUp();
  }

  @Override
  public void close() {
    commands.close();
    view.close();
    viewOutputs.close();
  }

  @Override
  public void register(RoutesConfig routes) {
    api.register(routes);
  }

  /** The live read models (for tests and for comparing with a rebuild). */
  public ReadModels readModels() {
    return models;
  }

  /**
   * Fresh, empty copies of the read models for {@code replay --projection NAME}: a rebuild fills
   * one from the topics. The running service's own models are rebuilt the same way on every
   * start (they live in memory).
   */
  @Override
  public List<Projection> projections() {
    return ReadModels.create(optimizationAggregate, refuelAggregate,
        slaTargets(context.sites()), period -> { }).all();
  }
}
