package com.towerco.aiops;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.stream.AiopsTopology;
import com.towerco.aiops.stream.AnomalyPolicies;
import com.towerco.aiops.stream.SiteLookup;
import com.towerco.events.TopicFamily;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.runtime.StreamsService;
import com.towerco.platform.security.KafkaAccess;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The AIOps Engine, a Kafka Streams application: alarm, telemetry and reachability rules per
 * site raise and clear alerts on {@code towerco.alerts.{tenant_id}.notifications}; a
 * correlator per region groups them into one incident per real problem and sends the incident
 * service its commands on {@code towerco.incidents.{operator}.commands} (the incident service
 * owns the event-sourced lifecycle on {@code towerco.incidents.{tenant_id}.lifecycle}).
 *
 * <p>Settings: {@code aiops.detector} (the anomaly detector per site and metric, default
 * {@code adaptive}; see {@code bin/towerco detect --list}), {@code aiops.anomaly.<class>.*}
 * (when anomalies become alerts per metric class, see {@link AnomalyPolicies}),
 * {@code aiops.flap-hold} (an alert resolves only after staying clear this long,
 * PT60S), {@code aiops.settle} (PT20S), {@code aiops.hold-down} (PT2M),
 * {@code aiops.hub-min-sites} (2), {@code aiops.feeder-window} (PT2M), {@code aiops.region-window}
 * (PT1M), {@code aiops.supplier-window} (PT30M), {@code aiops.similarity} (0.85),
 * {@code aiops.similarity-window} (PT5M) — see {@link CorrelationPolicy};
 * {@code aiops.rule.<rule>.*} (threshold rules: on, off, persist, persist-for, extreme; see
 * {@link com.towerco.aiops.alerting.RulePolicies}); {@code aiops.threads}
 * (stream threads, 1; the engine does the most work per site event of all services: where it
 * runs in its own process on several cores, give it more); {@code aiops.guarantee} ({@code at_least_once} or
 * {@code exactly_once_v2}, default at_least_once: every published id is derived from its
 * input, so repeats after a crash are absorbed downstream).
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
        .reads(TopicFamily.SITE_EVENTS, TopicFamily.KPI_METRICS, TopicFamily.INVENTORY)
        .writes(TopicFamily.ALERT_NOTIFICATIONS, TopicFamily.INCIDENT_COMMANDS)
        .streamsApplication(APPLICATION_ID);
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    CorrelationPolicy policy = CorrelationPolicy.from(settings::string);
    var deps = new AiopsTopology.Dependencies(context.codec(), context.decoder()::decode,
        SiteLookup.of(context.sites()),
        context.topics()::ensure, context.config().operatorTenant(), policy,
        context.metrics().forService(NAME), context.config().tenantTopicPartitions(),
        Duration.parse(settings.string("aiops.flap-hold", "PT60S")),
        Detectors.byName(settings.string("aiops.detector", Detectors.DEFAULT)),
        AnomalyPolicies.from(settings::string),
        com.towerco.aiops.alerting.RulePolicies.from(settings::string));
    // The operator's KPI topic exists before the engine subscribes. While site events and KPIs
    // shared one sub-topology, a KPI topic appearing under the running pattern subscription
    // failed a stream thread ("Topic ... is unknown to the topology", Kafka Streams 4.4; the
    // thread was replaced). Since they are separate sub-topologies it has not recurred (five
    // benchmark runs creating topics at run time); this keeps the commonest case out of it.
    context.topics().ensure(TopicFamily.KPI_METRICS, context.config().operatorTenant());
    return new StreamsService(context, NAME, APPLICATION_ID, AiopsTopology.build(deps), Map.of(
        StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.integer("aiops.threads", 1),
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        settings.string("aiops.guarantee", StreamsConfig.AT_LEAST_ONCE)));
  }
}
