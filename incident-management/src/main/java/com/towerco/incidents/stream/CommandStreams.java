package com.towerco.incidents.stream;

import com.towerco.events.TopicFamily;
import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.domain.incident.TenantViews;
import com.towerco.incidents.domain.refuel.RefuelAggregate;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PartitionLoader;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ViewFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Wires the command processor onto the platform's consumer runtime, and the view's sources. */
public final class CommandStreams {
  private CommandStreams() {}

  public static ConsumerService create(ServiceContext context, AggregateCatalog catalog,
      DispatchSaga.Timeouts timeouts, IncidentAggregate incidents, RefuelAggregate refuels,
      TenantViews tenantViews, Clock clock, Duration timerInterval, int instances) {
    String operator = context.config().operatorTenant();
    CommandProcessor.Wiring wiring = new CommandProcessor.Wiring(catalog, operator,
        new DispatchSaga(timeouts), incidents, refuels, clock, timerInterval);
    List<String> topics = catalog.commandFamilies().stream().map(f -> f.topic(operator))
        .toList();
    Pattern subscription = Pattern.compile(String.join("|",
        topics.stream().map(Pattern::quote).toList()));
    int[] index = {0};
    return new ConsumerService(context, com.towerco.incidents.IncidentServiceFactory.NAME,
        com.towerco.incidents.IncidentServiceFactory.GROUP_ID, subscription,
        outputs -> new CommandProcessor(wiring,
            new LifecycleWriter(outputs.publisher(), operator, tenantViews),
            new CommandBus(outputs.publisher(), catalog, operator), outputs.metrics(),
            new PartitionLoader(context.clients(), context.decoder(), "towerco-incidents-loader-"
                + context.config().instanceId() + "-" + index[0]++)),
        instances, Duration.ofSeconds(1));
  }

  /**
   * The read models' topics: lifecycle first (phase 1), then KPIs (from the beginning when
   * {@code kpiReplay} is null) and recent telemetry (phase 2).
   */
  /** The lifecycle topics the view reads from the beginning: what its snapshots cover. */
  public static java.util.function.Predicate<String> lifecycleTopics(AggregateCatalog catalog) {
    // A topic name matches one family's pattern at most (ids have no dots), so matching the
    // lifecycle families' patterns is asking for the topic's family: remembered per topic,
    // where this is asked for every record the views read.
    java.util.Set<TopicFamily> families = java.util.EnumSet.noneOf(TopicFamily.class);
    families.addAll(catalog.eventFamilies());
    LastTopicFamily topics = new LastTopicFamily(); // asked per record in a row (ADR-073)
    return topic -> {
      TopicFamily family = topics.of(topic);
      return family != null && families.contains(family);
    };
  }

  public static List<ViewFeed.Source> viewSources(AggregateCatalog catalog,
      Duration kpiReplay, Duration telemetryReplay) {
    List<ViewFeed.Source> sources = new ArrayList<>();
    catalog.eventFamilies().forEach(f -> sources.add(ViewFeed.Source.fromBeginning(
        f.pattern(), 1)));
    sources.add(new ViewFeed.Source(TopicFamily.KPI_METRICS.pattern(), kpiReplay, 2));
    sources.add(new ViewFeed.Source(TopicFamily.SITE_EVENTS.pattern(), telemetryReplay, 2));
    return sources;
  }
}
