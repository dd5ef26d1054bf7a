package com.towerco.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every topic the platform uses, declared once. The four families of ADR-001 are named exactly
 * as the ADR gives them; the inventory, delivery, notification-settings and dead-letter topics
 * complete the contract. The ADR's second event-sourced entity (energy optimizations) and refuel
 * orders have their own lifecycle (events) and commands topics, named like the incidents'.
 * Per-site and per-tenant families are consumed by pattern subscription, so a new site or tenant
 * needs no restart.
 */
public enum TopicFamily {
  SITE_EVENTS("towerco.sites.", ".events", Scope.SITE, false),
  KPI_METRICS("towerco.kpis.", ".metrics", Scope.TENANT, false),
  ALERT_NOTIFICATIONS("towerco.alerts.", ".notifications", Scope.TENANT, false),
  INCIDENT_LIFECYCLE("towerco.incidents.", ".lifecycle", Scope.TENANT, false),
  INCIDENT_COMMANDS("towerco.incidents.", ".commands", Scope.TENANT, false),
  OPTIMIZATION_LIFECYCLE("towerco.optimizations.", ".lifecycle", Scope.TENANT, false),
  OPTIMIZATION_COMMANDS("towerco.optimizations.", ".commands", Scope.TENANT, false),
  REFUEL_LIFECYCLE("towerco.refuels.", ".lifecycle", Scope.TENANT, false),
  REFUEL_COMMANDS("towerco.refuels.", ".commands", Scope.TENANT, false),
  NOTIFICATION_DELIVERIES("towerco.notifications.", ".deliveries", Scope.TENANT, false),
  NOTIFICATION_SETTINGS("towerco.notifications.settings", "", Scope.GLOBAL, true),
  INVENTORY("towerco.inventory", "", Scope.GLOBAL, true),
  DEAD_LETTER("towerco.dlq", "", Scope.GLOBAL, false);

  /** What the id in a topic name stands for. */
  public enum Scope { SITE, TENANT, GLOBAL }

  private static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

  private final String prefix;
  private final String suffix;
  private final Scope scope;
  private final boolean compacted;
  private final Pattern pattern;

  TopicFamily(String prefix, String suffix, Scope scope, boolean compacted) {
    this.prefix = prefix;
    this.suffix = suffix;
    this.scope = scope;
    this.compacted = compacted;
    this.pattern = scope == Scope.GLOBAL
        ? Pattern.compile(Pattern.quote(prefix))
        : Pattern.compile(Pattern.quote(prefix) + "(" + ID + ")" + Pattern.quote(suffix));
  }

  /** The topic of one site or tenant, e.g. {@code towerco.sites.S0001.events}. */
  public String topic(String id) {
    if (scope == Scope.GLOBAL) {
      throw new IllegalStateException(this + " is a single topic; use topic()");
    }
    if (!Ids.valid(id)) {
      throw new IllegalArgumentException("not a valid " + scope.name().toLowerCase() + " id: " + id);
    }
    return prefix + id + suffix;
  }

  /** The name of a single (global) topic. */
  public String topic() {
    if (scope != Scope.GLOBAL) {
      throw new IllegalStateException(this + " has one topic per " + scope.name().toLowerCase());
    }
    return prefix;
  }

  /** Matches every topic of this family; used for pattern subscription. */
  public Pattern pattern() {
    return pattern;
  }

  /** The site or tenant id in a topic name of this family. */
  public Optional<String> idOf(String topic) {
    if (scope == Scope.GLOBAL) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(topic);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The family a topic name belongs to. */
  public static Optional<TopicFamily> of(String topic) {
    for (TopicFamily family : values()) {
      if (family.pattern.matcher(topic).matches()) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  public Scope scope() {
    return scope;
  }

  public boolean compacted() {
    return compacted;
  }

  /** The topic name template as the ADR writes it. */
  public String template() {
    return switch (scope) {
      case SITE -> prefix + "{site_id}" + suffix;
      case TENANT -> prefix + "{tenant_id}" + suffix;
      case GLOBAL -> prefix;
    };
  }
}
