package com.towerco.dashboard.domain;

import com.towerco.events.payload.AlertFiring;
import com.towerco.events.payload.AlertResolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts by id: firing ones indexed by site, resolved ones kept up to a limit (oldest
 * resolution dropped first). Applying returns the alert's new view, or null when nothing
 * changed (a repeat, or a firing that arrives after its resolution). Not thread-safe.
 */
final class AlertBook {
  private final int maxFiring;
  private final int maxResolved;
  private final LinkedHashMap<String, AlertView> firing = new LinkedHashMap<>();
  private final Map<String, Map<String, AlertView>> firingBySite = new HashMap<>();
  private final LinkedHashMap<String, AlertView> resolved = new LinkedHashMap<>();

  AlertBook(int maxFiring, int maxResolved) {
    this.maxFiring = maxFiring;
    this.maxResolved = maxResolved;
  }

  AlertView fire(AlertFiring a) {
    if (resolved.containsKey(a.alertId())) {
      return null;
    }
    AlertView view = AlertView.firing(a);
    if (view.equals(firing.get(a.alertId()))) {
      return null;
    }
    remove(a.alertId());
    firing.put(view.alertId(), view);
    firingBySite.computeIfAbsent(view.siteId(), s -> new LinkedHashMap<>())
        .put(view.alertId(), view);
    if (firing.size() > maxFiring) {
      remove(firing.keySet().iterator().next());
    }
    return view;
  }

  AlertView resolve(AlertResolved r) {
    if (resolved.containsKey(r.alertId())) {
      return null;
    }
    AlertView view = AlertView.resolved(r, remove(r.alertId()));
    resolved.put(view.alertId(), view);
    if (resolved.size() > maxResolved) {
      Iterator<String> oldest = resolved.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return view;
  }

  private AlertView remove(String alertId) {
    AlertView old = firing.remove(alertId);
    if (old != null) {
      Map<String, AlertView> atSite = firingBySite.get(old.siteId());
      atSite.remove(alertId);
      if (atSite.isEmpty()) {
        firingBySite.remove(old.siteId());
      }
    }
    return old;
  }

  List<AlertView> firingAt(String siteId) {
    return List.copyOf(firingBySite.getOrDefault(siteId, Map.of()).values());
  }

  AlertView find(String alertId) {
    AlertView view = firing.get(alertId);
    return view != null ? view : resolved.get(alertId);
  }

  List<AlertView> all() {
    List<AlertView> all = new ArrayList<>(firing.values());
    all.addAll(resolved.values());
    return all;
  }
}
