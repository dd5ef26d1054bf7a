package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.RegionCorrelator;
import com.towerco.aiops.correlation.GroupState;
import com.towerco.aiops.correlation.IncidentUpdate;
import com.towerco.aiops.correlation.SourceClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The second stage, per region: feeds alerts and event-time watermarks to the region's
 * {@link RegionCorrelator} and sends the incident commands it decides. The correlator's time is the
 * region's {@link SourceClock} (the slowest of the upstream tasks that send to it). The groups
 * and the clocks are kept in changelogged stores, so a restart or rebalance carries on where it
 * was.
 */
final class CorrelationProcessor
    implements Processor<String, Emission.CorrelationInput, String, Emission> {
  private final CorrelationPolicy policy;
  private final com.towerco.aiops.alerting.NotificationPolicy notification;
  private final Publications publications;
  private final NotificationOutcomes outcomes;
  /**
   * How far behind the most advanced source of a region's inputs a slower one is still waited
   * for (event time): longer than an instance's failover at the fault run's ten-fold speed
   * (30 s of wall time), a bounded delay to incidents when an upstream task stops.
   */
  static final java.time.Duration SOURCE_GRACE = java.time.Duration.ofMinutes(5);

  private final Map<String, RegionCorrelator> cache = new HashMap<>();
  private ProcessorContext<String, Emission> context;
  private KeyValueStore<String, List<GroupState>> store;
  private KeyValueStore<String, SourceClock.State> clockStore;

  CorrelationProcessor(CorrelationPolicy policy,
      com.towerco.aiops.alerting.NotificationPolicy notification, Publications publications,
      NotificationOutcomes outcomes) {
    this.policy = policy;
    this.notification = notification;
    this.publications = publications;
    this.outcomes = outcomes;
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
    this.store = context.getStateStore(AiopsTopology.CORRELATION_STORE);
    this.clockStore = context.getStateStore(AiopsTopology.CORRELATION_CLOCK_STORE);
  }

  @Override
  public void process(Record<String, Emission.CorrelationInput> record) {
    String region = record.key();
    Emission.CorrelationInput input = record.value();
    RegionCorrelator correlator = cache.computeIfAbsent(region,
        r -> RegionCorrelator.restore(policy, notification, store.get(r), SOURCE_GRACE,
            clockStore.get(r)));
    // The region's time is the slowest of its sources' (within the grace), not this input's:
    // inputs from two instances interleave, and the decisions must not depend on how.
    List<IncidentUpdate> updates = correlator.accept(input.source(), !input.windowed(),
        input.time(), input.alert(), input.inhibitedBy());
    if (input.alert() != null) {
      notify(correlator, input);
    }
    clockStore.put(region, correlator.clock());
    if (input.alert() != null || !updates.isEmpty()) {
      store.put(region, correlator.groups());
    }
    for (IncidentUpdate update : updates) {
      Emission.Outbound out = publications.incident(update);
      context.forward(Emission.record(out.key(), out, update.time().toEpochMilli()));
    }
  }

  /**
   * Publishes an alert's records unless its problem made it evidence only (it still is on the
   * incident); counts new alerts by outcome.
   */
  private void notify(RegionCorrelator correlator, Emission.CorrelationInput input) {
    var fact = input.alert();
    java.util.Optional<String> suppressed = input.inhibitedBy() != null
        ? java.util.Optional.of(input.inhibitedBy())
        : correlator.suppression(fact.alertId());
    boolean fired = fact.firing()
        && (!input.notices().isEmpty() || input.inhibitedBy() != null);
    if (fired && !fact.quiet()) {
      outcomes.count(suppressed.isPresent());
    }
    if (suppressed.isPresent()) {
      return;
    }
    for (Emission.Notice notice : input.notices()) {
      Emission.Outbound out = notice.outbound();
      context.forward(Emission.record(out.key(), out, fact.time().toEpochMilli()));
    }
  }
}
