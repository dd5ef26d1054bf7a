package com.towerco.aiops;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.stream.AiopsTopology;
import com.towerco.aiops.stream.AnomalyPolicies;
import com.towerco.aiops.stream.CorrelationSettings;
import com.towerco.aiops.stream.RuleSettings;
import com.towerco.aiops.http.MaintenanceApi;
import com.towerco.aiops.http.PolicyApi;
import com.towerco.aiops.policy.PolicyBoard;
import com.towerco.aiops.policy.PolicyView;
import com.towerco.aiops.stream.SiteLookup;
import com.towerco.aiops.visits.VisitBridge;
import com.towerco.events.TopicFamily;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.runtime.StreamsService;
import com.towerco.platform.runtime.TopicNames;
import com.towerco.platform.security.KafkaAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The AIOps Engine, a Kafka Streams application: alarm, telemetry and reachability rules per
 * site raise and clear alerts on {@code towerco.alerts.{tenant_id}.notifications}; a
 * correlator per region groups them into one incident per real problem and sends the incident
 * service its commands on {@code towerco.incidents.{operator}.commands} (the incident service
 * owns the event-sourced lifecycle on {@code towerco.incidents.{tenant_id}.lifecycle}).
 *
 * <p>Settings: declared below ({@link #settings}): {@code aiops.detector},
 * {@code aiops.flap-hold}, {@code aiops.threads}, {@code aiops.guarantee}; correlation
 * ({@code aiops.settle}, {@code aiops.hold-down}, {@code aiops.hub-min-sites}, the shared-cause
 * windows {@code aiops.feeder-window}, {@code aiops.region-window}, {@code aiops.supplier-window}
 * and {@code aiops.similarity}, {@code aiops.similarity-window}; see {@link CorrelationSettings});
 * the threshold rules {@code aiops.rule.<rule>.*}, the inhibition rules {@code aiops.inhibit}
 * and {@code aiops.inhibit-group}, and which alerts notify ({@code aiops.evidence-only},
 * {@code aiops.notify-once-per-problem}, {@code aiops.notify-when-worse}; see
 * {@link RuleSettings}); {@code aiops.anomaly.<class>.*} (when anomalies become alerts per metric
 * class, see {@link AnomalyPolicies}); {@code aiops.dispatch-visit}. At run time, NOC only, under
 * {@code /api/v1/aiops}: maintenance windows, visits and the threshold rules' policy per site
 * class, region or tenant ({@code towerco.aiops.policy}).
 */
public final class AiopsEngineServiceFactory implements ServiceFactory {
  public static final String NAME = "aiops";
  public static final String APPLICATION_ID = "towerco-aiops-engine";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return APPLICATION_ID;
  }

  @Override
  public String description() {
    return "AIOps Engine: alert rules per site, correlation and root cause per region";
  }

  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME)
        .reads(TopicFamily.SITE_EVENTS, TopicFamily.KPI_METRICS, TopicFamily.INVENTORY,
            TopicFamily.INCIDENT_LIFECYCLE, TopicFamily.AIOPS_POLICY)
        .writes(TopicFamily.ALERT_NOTIFICATIONS, TopicFamily.INCIDENT_COMMANDS,
            TopicFamily.SITE_EVENTS, TopicFamily.AIOPS_POLICY)
        .streamsApplication(APPLICATION_ID)
        .groups(VISITS_GROUP)
        .transactionalIds(com.towerco.platform.runtime.TransactionalLoop.ID_PREFIX + NAME + "-");
  }

  /** The consumer group of the bridge from dispatches to scheduled visits. */
  static final String VISITS_GROUP = "towerco-aiops-visits";
  static final Setting<Duration> DISPATCH_VISIT = Setting.duration("aiops.dispatch-visit",
      Duration.ofHours(8), "A dispatch of the incident saga is a scheduled visit at its site "
          + "for this long from the request: the technician's door opening is expected.");
  static final Setting<Duration> FLAP_HOLD = Setting.duration("aiops.flap-hold",
      Duration.ofSeconds(60), "An alert resolves only after staying clear this long.");
  static final Setting<String> DETECTOR = Setting.choice("aiops.detector", Detectors.DEFAULT,
      "The anomaly detector per site and metric (bin/towerco detect --list).",
      Detectors.names().toArray(String[]::new));
  static final Setting<Integer> THREADS = Setting.integer("aiops.threads", 1, 1, 64,
      "Kafka Streams threads of the engine; it does the most work per site event of all "
          + "services: where it runs in its own process on several cores, give it more.");
  static final Setting<String> GUARANTEE = Setting.choice("aiops.guarantee",
      StreamsConfig.AT_LEAST_ONCE, "Processing guarantee; every published id is derived from "
          + "its input, so repeats after a crash are absorbed downstream.",
      StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2);

  static final Setting<Duration> LEARNED_STATE_SAVE = Setting.duration(
      "aiops.learned-state-save", AiopsTopology.DEFAULT_LEARNED_STATE_SAVE,
      "Each site's and KPI owner's learned detector state is saved to its changelogged store "
          + "about this often, paced evenly over the fleet in rounds of 5 s however many tasks "
          + "it is spread over: a crash loses at most this much learning, never an alert. A "
          + "site's state is ~50 KB, so this bounds the changelog writes to sites x 50 KB / "
          + "interval (ADR-022, ADR-046).");

  @Override
  public List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>(List.of(FLAP_HOLD, DETECTOR, THREADS, GUARANTEE,
        DISPATCH_VISIT, LEARNED_STATE_SAVE));
    all.addAll(CorrelationSettings.settings());
    all.addAll(RuleSettings.settings());
    all.addAll(AnomalyPolicies.settings());
    return all;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    CorrelationPolicy policy = CorrelationSettings.from(settings);
    PolicyBoard board = new PolicyBoard();
    var deps = new AiopsTopology.Dependencies(context.codec(), context.decoder()::decode,
        SiteLookup.of(context.sites()),
        TopicNames.provisioning(context.topics()), context.config().operatorTenant(), policy,
        context.metrics().forService(NAME), context.config().tenantTopicPartitions(),
        FLAP_HOLD.from(settings), Detectors.byName(DETECTOR.from(settings)),
        AnomalyPolicies.from(settings), RuleSettings.from(settings), board,
        LEARNED_STATE_SAVE.from(settings));
    // The operator's KPI topic exists before the engine subscribes. While site events and KPIs
    // shared one sub-topology, a KPI topic appearing under the running pattern subscription
    // failed a stream thread ("Topic ... is unknown to the topology", Kafka Streams 4.4; the
    // thread was replaced). Since they are separate sub-topologies it has not recurred (five
    // benchmark runs creating topics at run time); this keeps the commonest case out of it.
    context.topics().ensure(TopicFamily.KPI_METRICS, context.config().operatorTenant());
    StreamsService streams = new StreamsService(context, NAME, APPLICATION_ID,
        AiopsTopology.build(deps), Map.of(
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS.from(settings),
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, GUARANTEE.from(settings)));
    String operator = context.config().operatorTenant();
    VisitBridge visits = new VisitBridge(context, NAME, VISITS_GROUP, operator,
        DISPATCH_VISIT.from(settings));
    ServiceContext.Outputs apiOutputs = context.outputs(NAME, "-api");
    var directory = context.sites();
    MaintenanceApi maintenance = new MaintenanceApi(new MaintenanceApi.Fleet() {
      @Override
      public boolean known(String siteId) {
        return directory.site(siteId).isPresent();
      }

      @Override
      public List<String> behindHub(String hubSiteId) {
        return directory.behindHub(hubSiteId).stream().map(s -> s.siteId()).toList();
      }
    }, event -> confirmed(apiOutputs, event), operator);
    context.topics().ensure(TopicFamily.AIOPS_POLICY);
    PolicyView view = new PolicyView(context.clients(), context.topics(), context.decoder(),
        board);
    PolicyApi policyApi = new PolicyApi(board, deps.rulePolicies(),
        event -> written(apiOutputs.publisher().publish(TopicFamily.AIOPS_POLICY,
            event.payloadAs(com.towerco.events.payload.aiops.AlertPolicyChanged.class).rule(),
            event), event), operator, java.time.Clock.systemUTC());
    return new AiopsEngine(streams, visits, view, List.of(maintenance, policyApi), apiOutputs);
  }

  /** Publishes a site event on its site's topic and waits until it is written. */
  private static void confirmed(ServiceContext.Outputs outputs,
      com.towerco.events.Envelope event) {
    written(outputs.publisher().publish(TopicFamily.SITE_EVENTS, event.siteId(), event.siteId(),
        event), event);
  }

  private static void written(java.util.concurrent.Future<?> sent,
      com.towerco.events.Envelope event) {
    try {
      sent.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not publish " + event.eventType(), e);
    }
  }
}
