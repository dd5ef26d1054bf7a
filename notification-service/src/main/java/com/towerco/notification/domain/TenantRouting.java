package com.towerco.notification.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's notification routing: its receivers, its alert routes and its incident
 * escalation policies. A tenant's alerts are only ever routed through its own routing, which
 * can only name its own receivers, so one tenant's notifications never reach another's
 * receivers. Routes without a name are called {@code route-1}, {@code route-2}, ...
 *
 * <p>Like Alertmanager's root route, nothing falls through: an alert that no route matches takes
 * the implicit route {@value #UNROUTED}, whose receiver of that name is not defined and so is
 * logged (as the notifier logs any receiver it cannot find): the alert is grouped, logged and
 * its delivery recorded like any other instead of vanishing. The name is reserved.
 */
public record TenantRouting(
    List<Receiver> receivers,
    List<Route> routes,
    List<EscalationPolicy> escalations) {

  public static final String LOG_RECEIVER = "log";
  public static final String UNROUTED = "unrouted";
  private static final Route UNROUTED_ROUTE = Route.of(UNROUTED, List.of(), List.of(UNROUTED));

  public TenantRouting {
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    escalations = escalations == null ? List.of() : List.copyOf(escalations);
    List<Route> named = new ArrayList<>();
    if (routes != null) {
      for (int i = 0; i < routes.size(); i++) {
        Route route = routes.get(i);
        named.add(route.name() == null || route.name().isBlank()
            ? route.withName("route-" + (i + 1)) : route);
      }
    }
    routes = List.copyOf(named);
    validate(receivers, routes, escalations);
  }

  /** What a tenant without configuration gets: every alert grouped and written to the log. */
  public static TenantRouting logOnly() {
    return new TenantRouting(List.of(Receiver.log(LOG_RECEIVER)),
        List.of(Route.of("default", List.of(), List.of(LOG_RECEIVER))), List.of());
  }

  /** The routes an alert with these labels takes, in order; never none. */
  public List<Route> routesFor(Map<String, String> labels) {
    List<Route> matched = new ArrayList<>();
    for (Route route : routes) {
      if (route.matches(labels)) {
        matched.add(route);
        if (!route.continueMatching()) {
          break;
        }
      }
    }
    return matched.isEmpty() ? List.of(UNROUTED_ROUTE) : matched;
  }

  public Optional<Receiver> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Optional<EscalationPolicy> escalationFor(Map<String, String> labels) {
    return escalations.stream().filter(p -> p.matches(labels)).findFirst();
  }

  private static void validate(List<Receiver> receivers, List<Route> routes,
      List<EscalationPolicy> escalations) {
    Set<String> names = new HashSet<>();
    for (Receiver receiver : receivers) {
      reserved(receiver.name(), "receiver");
      if (!names.add(receiver.name())) {
        throw new IllegalArgumentException("receiver " + receiver.name() + " is defined twice");
      }
    }
    Set<String> routeNames = new HashSet<>();
    for (Route route : routes) {
      reserved(route.name(), "route");
      if (!routeNames.add(route.name())) {
        throw new IllegalArgumentException("route " + route.name() + " is defined twice");
      }
      requireKnown(names, route.receivers(), "route " + route.name());
    }
    Set<String> policyNames = new HashSet<>();
    for (EscalationPolicy policy : escalations) {
      if (!policyNames.add(policy.name())) {
        throw new IllegalArgumentException("escalation " + policy.name() + " is defined twice");
      }
      policy.levels().forEach(l -> requireKnown(names, l.receivers(),
          "escalation " + policy.name()));
    }
  }

  private static void reserved(String name, String what) {
    if (UNROUTED.equals(name)) {
      throw new IllegalArgumentException(what + " name '" + UNROUTED + "' is reserved for "
          + "alerts that no route matches");
    }
  }

  private static void requireKnown(Set<String> known, List<String> used, String where) {
    for (String name : used) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(where + " names unknown receiver " + name);
      }
    }
  }
}
