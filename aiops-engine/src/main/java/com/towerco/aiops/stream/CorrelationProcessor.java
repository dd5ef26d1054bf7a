package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.correlation.RegionCorrelator;
import com.towerco.aiops.correlation.IncidentUpdate;
import com.towerco.aiops.correlation.Member;
import com.towerco.aiops.correlation.Release;
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
 * region's {@link SourceClock} (the slowest of the upstream tasks that send to it). An alert's
 * records wait in {@code notification-holds} until its problem decides: published at the
 * problem's severity once it settled, or discarded ({@link Release}). The groups (one entry
 * each, written when an input changes them: {@link CorrelationGroups}), the clocks and the held
 * records are kept in changelogged stores, so a restart or rebalance carries on where it was.
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
  private CorrelationGroups groups;
  private KeyValueStore<String, SourceClock.State> clockStore;
  private KeyValueStore<String, HeldNotices> holds;

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
    this.groups = new CorrelationGroups(context.getStateStore(AiopsTopology.CORRELATION_STORE));
    this.clockStore = context.getStateStore(AiopsTopology.CORRELATION_CLOCK_STORE);
    this.holds = context.getStateStore(AiopsTopology.NOTIFICATION_HOLDS_STORE);
  }

  @Override
  public void process(Record<String, Emission.CorrelationInput> record) {
    String region = record.key();
    Emission.CorrelationInput input = record.value();
    RegionCorrelator correlator = cache.computeIfAbsent(region, this::restore);
    var fact = input.alert();
    boolean newFiring = fact != null && fact.firing() && !fact.quiet()
        && !input.notices().isEmpty();
    if (newFiring) {
      // every record an alert notifies with waits here until its problem decides
      holds.put(fact.alertId(), new HeldNotices(input.notices(), List.of()));
    } else if (fact != null && !fact.firing()) {
      resolved(correlator, input);
    }
    // The region's time is the slowest of its sources' (within the grace), not this input's:
    // inputs from two instances interleave, and the decisions must not depend on how.
    List<IncidentUpdate> updates = correlator.accept(input.source(), !input.windowed(),
        input.time(), fact, input.inhibitedBy());
    if (fact != null && fact.firing() && !fact.quiet()
        && (newFiring || input.inhibitedBy() != null)) {
      counted(correlator, fact.alertId());
    }
    List<Release> releases = correlator.releases();
    for (Release release : releases) {
      release(release);
    }
    if (newFiring && !correlator.member(fact.alertId()).map(Member::held).orElse(false)) {
      holds.delete(fact.alertId()); // evidence only, or already published
    }
    clockStore.put(region, correlator.clock());
    groups.save(region, correlator.changes());
    for (IncidentUpdate update : updates) {
      Emission.Outbound out = publications.incident(update);
      context.forward(Emission.record(out.key(), out, update.time().toEpochMilli()));
    }
  }

  /** The region as stored (after a restart or rebalance), its groups one entry each. */
  private RegionCorrelator restore(String region) {
    RegionCorrelator correlator = RegionCorrelator.restore(policy, notification,
        groups.read(region), SOURCE_GRACE, clockStore.get(region));
    groups.migrate(region, correlator.groups());
    return correlator;
  }

  /**
   * An alert resolved: its resolved records go out at the severity it was published at; they
   * wait with it while it is held; an alert that never notified resolves silently. An alert the
   * correlator does not track (it went quiet before it was ever seen) resolves as before.
   */
  private void resolved(RegionCorrelator correlator, Emission.CorrelationInput input) {
    String alertId = input.alert().alertId();
    java.util.Optional<Member> member = correlator.member(alertId);
    if (member.isPresent() && member.get().held()) {
      HeldNotices held = holds.get(alertId);
      if (held != null) {
        holds.put(alertId, held.withResolved(input.notices()));
      }
      return;
    }
    if (member.isPresent() && !member.get().published()) {
      return;
    }
    for (Emission.Notice notice : input.notices()) {
      Emission.Outbound out = member.map(Member::notifiedAs).isPresent()
          ? publications.asPublished(notice, member.get().notifiedAs(), Release.Kind.SETTLED)
          : notice.outbound();
      context.forward(Emission.record(out.key(), out, input.alert().time().toEpochMilli()));
    }
  }

  /** A new alert that is evidence only counts now; one held counts when its problem decides. */
  private void counted(RegionCorrelator correlator, String alertId) {
    correlator.member(alertId).filter(m -> m.suppressedBy() != null && !m.held())
        .ifPresent(m -> outcomes.count(true));
  }

  /** Publishes a held alert's records at its problem's severity, or lets them go. */
  private void release(Release release) {
    HeldNotices held = holds.get(release.alertId());
    holds.delete(release.alertId());
    if (release.kind() != Release.Kind.ESCALATED) {
      outcomes.count(!release.publishes()); // an escalated alert counted as evidence already
    }
    if (held == null || !release.publishes()) {
      return;
    }
    for (Emission.Notice notice : held.firing()) {
      forward(publications.asPublished(notice, release.severity(), release.kind()),
          release.at());
    }
    for (Emission.Notice notice : held.resolved()) {
      forward(publications.asPublished(notice, release.severity(), release.kind()),
          release.at());
    }
  }

  private void forward(Emission.Outbound out, java.time.Instant at) {
    context.forward(Emission.record(out.key(), out, at.toEpochMilli()));
  }
}
