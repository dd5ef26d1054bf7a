package com.towerco.events;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every topic the platform uses, declared once. The four families of ADR-001 are named exactly
 * as the ADR gives them; the inventory, delivery, notification-settings and dead-letter topics
 * complete the contract. The ADR's second event-sourced entity (energy optimizations) and refuel
 * orders have their own lifecycle (events) and commands topics, named like the incidents'.
 * Per-site and per-tenant families are consumed by pattern subscription, so a new site or tenant
 * needs no restart. Site events are addressed by site but stored in one of {@link SiteGroups#COUNT}
 * group topics, chosen by a hash of the site id (ADR-029): the site of a record is its key (and
 * its {@code towerco-site} header), never its topic name. Each family declares its retention here ({@link TopicRetention}); the
 * platform's topic provisioner sets and reconciles it on every topic of the family.
 */
public enum TopicFamily {
  SITE_EVENTS("towerco.sites.", ".events", Scope.SITE, TopicRetention.window(
      Duration.ofDays(7), Duration.ofDays(2), "the incident views replay 48 h of telemetry "
          + "(incidents.telemetry-replay); a week lets a stopped consumer catch up")),
  KPI_METRICS("towerco.kpis.", ".metrics", Scope.TENANT, TopicRetention.window(
      Duration.ofDays(62), Duration.ofDays(32), "the SLA clocks and energy savings replay KPIs "
          + "from the first one kept: the current and the previous calendar month")),
  ALERT_NOTIFICATIONS("towerco.alerts.", ".notifications", Scope.TENANT, TopicRetention.window(
      Duration.ofDays(30), Duration.ofDays(7), "the dashboard replays 7 days of alerts "
          + "(dashboard.replay.alerts)")),
  INCIDENT_LIFECYCLE("towerco.incidents.", ".lifecycle", Scope.TENANT, TopicRetention.forever(
      "event-sourced incidents and the SLA ledger, replayed from the beginning (ADR-004)")),
  INCIDENT_COMMANDS("towerco.incidents.", ".commands", Scope.TENANT, TopicRetention.forever(
      "every command that made an incident, with its outcome: audit and replay")),
  OPTIMIZATION_LIFECYCLE("towerco.optimizations.", ".lifecycle", Scope.TENANT,
      TopicRetention.forever("event-sourced energy optimizations, replayed from the beginning")),
  OPTIMIZATION_COMMANDS("towerco.optimizations.", ".commands", Scope.TENANT,
      TopicRetention.forever("every command that made an optimization: audit and replay")),
  REFUEL_LIFECYCLE("towerco.refuels.", ".lifecycle", Scope.TENANT, TopicRetention.forever(
      "event-sourced refuel orders, replayed from the beginning")),
  REFUEL_COMMANDS("towerco.refuels.", ".commands", Scope.TENANT, TopicRetention.forever(
      "every command that made a refuel order: audit and replay")),
  NOTIFICATION_DELIVERIES("towerco.notifications.", ".deliveries", Scope.TENANT,
      TopicRetention.window(Duration.ofDays(30), Duration.ofDays(7), "delivery records; the "
          + "analytics store keeps their history, consumers need a week to catch up")),
  NOTIFICATION_SETTINGS("towerco.notifications.settings", "", Scope.GLOBAL,
      TopicRetention.compacted("routing, silences and receivers: the latest value per key")),
  AIOPS_POLICY("towerco.aiops.policy", "", Scope.GLOBAL, TopicRetention.forever(
      "the NOC's alerting policy changes: the audit trail, and the engine's current policy "
          + "replayed from the first change")),
  INVENTORY("towerco.inventory", "", Scope.GLOBAL,
      TopicRetention.compacted("sites, hubs and tenancies: the latest value per key")),
  DEAD_LETTER("towerco.dlq", "", Scope.GLOBAL, TopicRetention.forever(
      "nothing is lost: a dead letter waits for its fix and re-drive")),
  PLATFORM_HEALTH("towerco.platform.health", "", Scope.GLOBAL, TopicRetention.compacted(
      "each process's latest heartbeat and counters, keyed by instance id; a tombstone on a "
          + "clean stop (operator-internal: no tenant reads it)"));

  /** What the id in a topic name stands for. */
  public enum Scope { SITE, TENANT, GLOBAL }

  private static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

  private final String prefix;
  private final String suffix;
  private final Scope scope;
  private final TopicRetention retention;
  private final Pattern pattern;

  TopicFamily(String prefix, String suffix, Scope scope, TopicRetention retention) {
    this.prefix = prefix;
    this.suffix = suffix;
    this.scope = scope;
    this.retention = retention;
    this.pattern = scope == Scope.GLOBAL
        ? Pattern.compile(Pattern.quote(prefix))
        : Pattern.compile(Pattern.quote(prefix) + "(" + ID + ")" + Pattern.quote(suffix));
  }

  /**
   * The topic a site's or tenant's records go to: a tenant's own, e.g.
   * {@code towerco.kpis.altel.metrics}; for a site, its group's ({@link SiteGroups}), e.g.
   * {@code towerco.sites.group-07.events} for any site of group 7.
   */
  public String topic(String id) {
    if (scope == Scope.GLOBAL) {
      throw new IllegalStateException(this + " is a single topic; use topic()");
    }
    if (!Ids.valid(id)) {
      throw new IllegalArgumentException("not a valid " + scope.name().toLowerCase() + " id: " + id);
    }
    return prefix + (scope == Scope.SITE ? SiteGroups.of(id) : id) + suffix;
  }

  /**
   * Every topic of a site family, one per {@link SiteGroups group}: what provisioning creates,
   * so a new site needs no new topic. (Topics of the family named after a single site, from
   * before ADR-029, still match {@link #pattern()} and are still read.)
   */
  public java.util.List<String> topics() {
    if (scope != Scope.SITE) {
      throw new IllegalStateException(this + " has no fixed set of topics");
    }
    return SiteGroups.all().stream().map(g -> prefix + g + suffix).toList();
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

  /**
   * The id in a topic name of this family: a tenant; for the site family the group (or, on a
   * topic from before ADR-029, the site), so a site is never taken from here but from the
   * record's key.
   */
  public Optional<String> idOf(String topic) {
    if (scope == Scope.GLOBAL) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(topic);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The family a topic name belongs to. Readers ask this for every record they route, so the
   * answer is remembered per topic name (a cluster has a bounded set of topics; past
   * {@link #KNOWN_TOPICS_MAX} names the rest are matched every time, as before).
   */
  public static Optional<TopicFamily> of(String topic) {
    Optional<TopicFamily> known = KNOWN_TOPICS.get(topic);
    if (known != null) {
      return known;
    }
    Optional<TopicFamily> family = match(topic);
    if (KNOWN_TOPICS.size() < KNOWN_TOPICS_MAX) {
      KNOWN_TOPICS.put(topic, family);
    }
    return family;
  }

  /** Topic names whose family {@link #of} remembers, at most. */
  static final int KNOWN_TOPICS_MAX = 10_000;
  private static final java.util.concurrent.ConcurrentHashMap<String, Optional<TopicFamily>>
      KNOWN_TOPICS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Optional<TopicFamily> match(String topic) {
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
    return retention.kind() == TopicRetention.Kind.COMPACTED;
  }

  /** How long this family keeps its records (see {@link TopicRetention}). */
  public TopicRetention retention() {
    return retention;
  }

  /** The family's name in settings, e.g. {@code site-events} for {@link #SITE_EVENTS}. */
  public String settingName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The topic name template as the ADR writes it. */
  public String template() {
    return switch (scope) {
      case SITE -> prefix + "{site_group}" + suffix;
      case TENANT -> prefix + "{tenant_id}" + suffix;
      case GLOBAL -> prefix;
    };
  }
}
