package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.alerting.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The firing alerts a processor owns, by key (a site, or a site's tenancy): signals applied to
 * them, changes published through the {@link AlertEmitter} and written to the changelogged store
 * as they happen, and alerts resolved once they have stayed clear for the flap hold-down. A
 * local cache keeps steady state free of store reads.
 */
final class AlertBook {
  private final KeyValueStore<String, List<ActiveAlert>> store;
  private final Duration flapHold;
  private final AlertEmitter emitter;
  private final Map<String, SiteAlerts> cache = new HashMap<>();
  private final Set<String> clearing = new HashSet<>();
  private final com.towerco.aiops.alerting.InhibitionRules inhibition;

  AlertBook(KeyValueStore<String, List<ActiveAlert>> store, Duration flapHold,
      AlertEmitter emitter) {
    this(store, flapHold, emitter, com.towerco.aiops.alerting.InhibitionRules.none());
  }

  AlertBook(KeyValueStore<String, List<ActiveAlert>> store, Duration flapHold,
      AlertEmitter emitter, com.towerco.aiops.alerting.InhibitionRules inhibition) {
    this.store = store;
    this.flapHold = flapHold;
    this.emitter = emitter;
    this.inhibition = inhibition;
  }

  /** The alerts kept under {@code key}, all of them on {@code siteId}. */
  SiteAlerts alerts(String key, String siteId) {
    return cache.computeIfAbsent(key, k -> {
      List<ActiveAlert> stored = store.get(k);
      return SiteAlerts.restore(siteId, flapHold, stored == null ? List.of() : stored);
    });
  }

  /** Applies signals to the alerts under {@code key} and publishes what fired. */
  void apply(ProcessorContext<String, Emission> context, String key, String siteId,
      List<Signal> signals) {
    apply(context, key, siteId, signals, t -> java.util.Optional.empty());
  }

  /**
   * @param maintenance the maintenance window the site is in at a time, if any: an alert that
   *     starts within one is inhibited by it ({@code inhibited_by=maintenance:<window>})
   */
  void apply(ProcessorContext<String, Emission> context, String key, String siteId,
      List<Signal> signals,
      java.util.function.Function<Instant, java.util.Optional<String>> maintenance) {
    if (signals.isEmpty()) {
      return;
    }
    SiteAlerts alerts = alerts(key, siteId);
    for (Signal signal : signals) {
      alerts.apply(signal).map(t -> inhibited(alerts, t, maintenance))
          .ifPresent(t -> emitter.emit(context, siteId, t));
    }
    store.put(key, List.copyOf(alerts.active()));
    if (alerts.anyClearing()) {
      clearing.add(key);
    }
  }

  /** A new alert that a firing alert of the same site inhibits, labelled so. */
  private com.towerco.aiops.alerting.AlertTransition inhibited(SiteAlerts alerts,
      com.towerco.aiops.alerting.AlertTransition t,
      java.util.function.Function<Instant, java.util.Optional<String>> maintenance) {
    if (!(t instanceof com.towerco.aiops.alerting.AlertTransition.Fired fired)) {
      return t;
    }
    java.util.Optional<String> by = inhibition.inhibitorOf(fired.alert().rule(),
            alerts.active().stream()
                .filter(a -> !a.fingerprint().equals(fired.alert().fingerprint())).toList())
        .map(com.towerco.aiops.alerting.AlertRule::id)
        .or(() -> maintenance.apply(fired.alert().startsAt())
            .map(window -> MAINTENANCE_PREFIX + window));
    return by.<com.towerco.aiops.alerting.AlertTransition>map(source ->
            new com.towerco.aiops.alerting.AlertTransition.Fired(alerts.label(
                fired.alert().fingerprint(), AlertEmitter.INHIBITED_BY, source)))
        .orElse(t);
  }

  /** How an alert inhibited by a maintenance window names it. */
  static final String MAINTENANCE_PREFIX = com.towerco.aiops.correlation.Correlator.MAINTENANCE;

  /** Resolves the alerts that have stayed clear for the flap hold-down by {@code now}. */
  void resolveDue(ProcessorContext<String, Emission> context, Instant now) {
    Iterator<String> it = clearing.iterator();
    while (it.hasNext()) {
      String key = it.next();
      SiteAlerts alerts = cache.get(key);
      var due = alerts.resolveDue(now);
      due.forEach(resolved -> emitter.emit(context, alerts.siteId(), resolved));
      if (!due.isEmpty()) {
        store.put(key, List.copyOf(alerts.active()));
      }
      if (!alerts.anyClearing()) {
        it.remove();
      }
    }
  }
}
