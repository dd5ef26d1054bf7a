package com.towerco.dashboard.domain;

import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts by id: firing ones indexed by site, resolved ones kept up to a limit (oldest
 * resolution dropped first). The AIOps engine publishes each alert on the operator's topic
 * naming every affected tenant and on each tenant's topic naming only that tenant; the copies
 * share the alert id and merge here, in any order. Applying returns the alert's new view, or
 * null when nothing changed (a repeat, or a firing that arrives after its resolution).
 * Not thread-safe.
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
    AlertView done = resolved.get(a.alertId());
    if (done != null) {
      // a late or repeated firing never reopens; it may still name more tenants
      return keep(resolved, done.withTenantsOf(a.affectedTenants()));
    }
    AlertView known = firing.get(a.alertId());
    AlertView view = known == null ? AlertView.firing(a)
        : AlertView.firing(a).withTenantsOf(known.affectedTenants());
    if (view.equals(known)) {
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
    AlertView done = resolved.get(r.alertId());
    if (done != null) {
      return keep(resolved, done.withTenantsOf(r.affectedTenants()));
    }
    AlertView known = remove(r.alertId());
    AlertView view = AlertView.resolved(r, known);
    if (known != null) {
      view = view.withTenantsOf(known.affectedTenants());
    }
    resolved.put(view.alertId(), view);
    if (resolved.size() > maxResolved) {
      Iterator<String> oldest = resolved.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return view;
  }

  /** Stores a changed view in place; null when it did not change. */
  private static AlertView keep(Map<String, AlertView> map, AlertView view) {
    return view.equals(map.put(view.alertId(), view)) ? null : view;
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
