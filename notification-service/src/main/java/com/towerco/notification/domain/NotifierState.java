package com.towerco.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notifier's state: alert groups, deliveries in progress, circuit breakers and escalations,
 * each in its own store (changelogged Kafka Streams stores in production), plus two indexes
 * derived from them and rebuilt when the state is opened: timers by due time, and which groups
 * hold an alert fingerprint (a resolved alert carries no labels to route it by).
 */
public final class NotifierState {
  /** What a timer belongs to. */
  public enum Kind { GROUP, DELIVERY, ESCALATION }

  /** A due time of one entity. */
  public record Timer(long dueMillis, Kind kind, String id) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int byTime = Long.compare(dueMillis, o.dueMillis);
      if (byTime != 0) {
        return byTime;
      }
      int byKind = kind.compareTo(o.kind);
      return byKind != 0 ? byKind : id.compareTo(o.id);
    }
  }

  private final KeyValue<AlertGroup> groups;
  private final KeyValue<Delivery> deliveries;
  private final KeyValue<CircuitBreaker> breakers;
  private final KeyValue<Escalation> escalations;
  private final TreeSet<Timer> timers = new TreeSet<>();
  private final Map<String, Timer> timerOf = new HashMap<>();
  private final Map<String, Set<String>> groupsByFingerprint = new HashMap<>();

  public NotifierState(KeyValue<AlertGroup> groups, KeyValue<Delivery> deliveries,
      KeyValue<CircuitBreaker> breakers, KeyValue<Escalation> escalations) {
    this.groups = groups;
    this.deliveries = deliveries;
    this.breakers = breakers;
    this.escalations = escalations;
    groups.forEach((id, g) -> index(g));
    deliveries.forEach((id, d) -> schedule(Kind.DELIVERY, id, d.dueAt()));
    escalations.forEach((id, e) -> schedule(Kind.ESCALATION, id, e.dueAt()));
  }

  public static NotifierState inMemory() {
    return new NotifierState(KeyValue.inMemory(), KeyValue.inMemory(), KeyValue.inMemory(),
        KeyValue.inMemory());
  }

  public Optional<AlertGroup> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  public void put(AlertGroup group) {
    unindex(groups.get(group.id()));
    groups.put(group.id(), group);
    index(group);
  }

  public void removeGroup(String id) {
    unindex(groups.get(id));
    groups.delete(id);
  }

  public Set<String> groupsWith(String tenant, String fingerprint) {
    return Set.copyOf(groupsByFingerprint.getOrDefault(tenant + "|" + fingerprint, Set.of()));
  }

  public Optional<Delivery> delivery(String key) {
    return Optional.ofNullable(deliveries.get(key));
  }

  public void put(Delivery delivery) {
    deliveries.put(delivery.key(), delivery);
    schedule(Kind.DELIVERY, delivery.key(), delivery.dueAt());
  }

  public void removeDelivery(String key) {
    deliveries.delete(key);
    schedule(Kind.DELIVERY, key, null);
  }

  public CircuitBreaker breaker(String id) {
    CircuitBreaker breaker = breakers.get(id);
    return breaker == null ? CircuitBreaker.CLOSED : breaker;
  }

  public void put(String breakerId, CircuitBreaker breaker) {
    if (!breaker.equals(breakers.get(breakerId))) {
      breakers.put(breakerId, breaker);
    }
  }

  public Optional<Escalation> escalation(String id) {
    return Optional.ofNullable(escalations.get(id));
  }

  public void put(Escalation escalation) {
    escalations.put(escalation.id(), escalation);
    schedule(Kind.ESCALATION, escalation.id(), escalation.dueAt());
  }

  public void removeEscalation(String id) {
    escalations.delete(id);
    schedule(Kind.ESCALATION, id, null);
  }

  /** The earliest timer due at or before {@code now}, if any. */
  public Optional<Timer> nextDue(Instant now) {
    if (timers.isEmpty() || timers.first().dueMillis() > now.toEpochMilli()) {
      return Optional.empty();
    }
    return Optional.of(timers.first());
  }

  /** Every pending timer, earliest first (for diagnostics and tests). */
  public List<Timer> timers() {
    return new ArrayList<>(timers);
  }

  private void index(AlertGroup group) {
    if (group == null) {
      return;
    }
    schedule(Kind.GROUP, group.id(), group.dueAt());
    group.alerts().keySet().forEach(fp -> groupsByFingerprint
        .computeIfAbsent(group.tenant() + "|" + fp, k -> new HashSet<>()).add(group.id()));
  }

  private void unindex(AlertGroup group) {
    if (group == null) {
      return;
    }
    schedule(Kind.GROUP, group.id(), null);
    group.alerts().keySet().forEach(fp -> {
      Set<String> ids = groupsByFingerprint.get(group.tenant() + "|" + fp);
      if (ids != null) {
        ids.remove(group.id());
        if (ids.isEmpty()) {
          groupsByFingerprint.remove(group.tenant() + "|" + fp);
        }
      }
    });
  }

  private void schedule(Kind kind, String id, Instant due) {
    String key = kind + ":" + id;
    Timer old = timerOf.remove(key);
    if (old != null) {
      timers.remove(old);
    }
    if (due != null) {
      Timer timer = new Timer(due.toEpochMilli(), kind, id);
      timers.add(timer);
      timerOf.put(key, timer);
    }
  }
}
