package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.Correlator;
import com.towerco.aiops.correlation.GroupState;
import com.towerco.aiops.correlation.IncidentUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The second stage, per region: feeds alerts and event-time watermarks to the region's
 * {@link Correlator} and sends the incident commands it decides. The correlator's groups are
 * kept in a changelogged store, so a restart or rebalance carries on where it was.
 */
final class CorrelationProcessor
    implements Processor<String, Emission.CorrelationInput, String, Emission> {
  private final CorrelationPolicy policy;
  private final com.towerco.aiops.alerting.NotificationPolicy notification;
  private final Publications publications;
  private final NotificationOutcomes outcomes;
  private final Map<String, Correlator> cache = new HashMap<>();
  private ProcessorContext<String, Emission> context;
  private KeyValueStore<String, List<GroupState>> store;

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
  }

  @Override
  public void process(Record<String, Emission.CorrelationInput> record) {
    String region = record.key();
    Emission.CorrelationInput input = record.value();
    Correlator correlator = cache.computeIfAbsent(region, r -> {
      List<GroupState> stored = store.get(r);
      return Correlator.restore(policy, notification, stored == null ? List.of() : stored);
    });
    List<IncidentUpdate> updates = new ArrayList<>();
    if (input.alert() != null) {
      updates.addAll(correlator.onAlert(input.alert(), input.inhibitedBy()));
      notify(correlator, input);
    }
    updates.addAll(correlator.tick(input.time()));
    if (input.alert() != null || !updates.isEmpty()) {
      store.put(region, correlator.snapshot());
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
  private void notify(Correlator correlator, Emission.CorrelationInput input) {
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
