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

  AlertBook(KeyValueStore<String, List<ActiveAlert>> store, Duration flapHold,
      AlertEmitter emitter) {
    this.store = store;
    this.flapHold = flapHold;
    this.emitter = emitter;
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
    if (signals.isEmpty()) {
      return;
    }
    SiteAlerts alerts = alerts(key, siteId);
    for (Signal signal : signals) {
      alerts.apply(signal).ifPresent(t -> emitter.emit(context, siteId, t));
    }
    store.put(key, List.copyOf(alerts.active()));
    if (alerts.anyClearing()) {
      clearing.add(key);
    }
  }

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
