package com.towerco.notification.domain;

import com.towerco.events.EventIds;
import com.towerco.events.payload.alert.AlertResolved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alerts of one tenant that share a route and group-by values, and when the group was last
 * and will next be notified. This is how a hub failure that takes down fifty sites becomes one
 * notification that updates rather than fifty: alerts join the group, and only {@link #flush}
 * (when {@link #dueAt} has come) decides whether the receivers hear anything, comparing the set
 * of firing alerts with what they were last told.
 */
public record AlertGroup(
    String id,
    String tenant,
    String groupKey,
    Route route,
    Map<String, String> groupLabels,
    Instant createdAt,
    Instant lastFlushAt,
    Instant lastNotifiedAt,
    Instant dueAt,
    long sequence,
    String notifiedHash,
    String suppressedHash,
    String lastEventId,
    SortedMap<String, GroupedAlert> alerts) {

  static final String EMPTY = EventIds.derived("no-alerts");

  public AlertGroup {
    groupLabels = Map.copyOf(groupLabels);
    alerts = Collections.unmodifiableSortedMap(new TreeMap<>(alerts));
  }

  public static String idFor(String tenant, String groupKey) {
    return tenant + "|" + groupKey;
  }

  public static AlertGroup open(String tenant, Route route, Map<String, String> labels,
      Instant now) {
    String key = route.groupKey(labels);
    return new AlertGroup(idFor(tenant, key), tenant, key, route, route.groupLabels(labels),
        now, null, null, now.plus(route.groupWait()), 0, EMPTY, EMPTY, null, new TreeMap<>());
  }

  /**
   * The group after an alert fired; unchanged for a repeat of the same firing, or for a
   * late copy of a firing whose resolution the group already holds.
   */
  public AlertGroup fire(GroupedAlert alert, Route currentRoute, Instant now) {
    GroupedAlert existing = alerts.get(alert.fingerprint());
    if (existing != null && existing.alertId().equals(alert.alertId())) {
      return currentRoute.equals(route) ? this : withAlerts(currentRoute, alerts, lastEventId,
          dueAt);
    }
    TreeMap<String, GroupedAlert> next = new TreeMap<>(alerts);
    next.put(alert.fingerprint(), alert);
    return withAlerts(currentRoute, next, alert.eventId(), nextDue(currentRoute, now));
  }

  /** The group after one of its alerts resolved; unchanged if it holds no such firing. */
  public AlertGroup resolve(AlertResolved resolved, String eventId, Instant now) {
    GroupedAlert existing = alerts.get(resolved.fingerprint());
    if (existing == null || !existing.firing() || !existing.alertId().equals(resolved.alertId())) {
      return this;
    }
    TreeMap<String, GroupedAlert> next = new TreeMap<>(alerts);
    next.put(existing.fingerprint(), existing.resolved(resolved, eventId));
    return withAlerts(route, next, eventId, nextDue(route, now));
  }

  /** What a flush decided: the group after it (null once nothing is left), and what to say. */
  public record Flush(AlertGroup next, Notification notification, Suppression suppression) {}

  /** Alerts that would have been notified but for these silences. */
  public record Suppression(List<String> silenceIds, List<String> alertIds, String eventId) {}

  /** Decides, at {@code now}, whether the receivers hear about this group and what. */
  public Flush flush(Instant now, List<Silence> silences) {
    List<GroupedAlert> visibleFiring = new ArrayList<>();
    List<GroupedAlert> visibleResolved = new ArrayList<>();
    List<GroupedAlert> silenced = new ArrayList<>();
    TreeSet<String> silenceIds = new TreeSet<>();
    for (GroupedAlert alert : alerts.values()) {
      List<String> muting = silences.stream().filter(s -> s.mutes(alert.labels(), now))
          .map(Silence::id).toList();
      if (!muting.isEmpty()) {
        silenced.add(alert);
        silenceIds.addAll(muting);
      } else {
        (alert.firing() ? visibleFiring : visibleResolved).add(alert);
      }
    }
    boolean silencedFiring = silenced.stream().anyMatch(GroupedAlert::firing);
    String hash = hash(visibleFiring);
    Suppression suppression = null;
    String nextSuppressedHash = silenced.isEmpty() ? EMPTY : hash(silenced);
    if (!silenced.isEmpty() && !nextSuppressedHash.equals(suppressedHash)) {
      suppression = new Suppression(List.copyOf(silenceIds),
          silenced.stream().map(GroupedAlert::alertId).toList(), lastEventId);
    }
    boolean repeatDue = lastNotifiedAt != null
        && !now.isBefore(lastNotifiedAt.plus(route.repeatInterval()));
    Notification notification = null;
    if (!visibleFiring.isEmpty()) {
      if (!hash.equals(notifiedHash) || repeatDue) {
        List<GroupedAlert> shown = new ArrayList<>(visibleFiring);
        if (route.sendResolved()) {
          shown.addAll(visibleResolved);
        }
        notification = content(Notification.Status.FIRING, shown, now);
      }
    } else if (!notifiedHash.equals(EMPTY) && !silencedFiring && route.sendResolved()
        && !visibleResolved.isEmpty()) {
      notification = content(Notification.Status.RESOLVED, visibleResolved, now);
    }
    String nextNotifiedHash = notification != null ? hash
        : visibleFiring.isEmpty() && !silencedFiring ? EMPTY : notifiedHash;
    return new Flush(afterFlush(now, notification != null, nextNotifiedHash, nextSuppressedHash,
        silencedFiring), notification, suppression);
  }

  private AlertGroup afterFlush(Instant now, boolean notified, String nextNotifiedHash,
      String nextSuppressedHash, boolean silencedFiring) {
    TreeMap<String, GroupedAlert> remaining = new TreeMap<>();
    alerts.forEach((fp, alert) -> {
      if (alert.firing()) {
        remaining.put(fp, alert);
      }
    });
    if (remaining.isEmpty()) {
      return null;
    }
    Instant notifiedAt = notified ? now : lastNotifiedAt;
    Instant due = notifiedAt != null ? notifiedAt.plus(route.repeatInterval()) : null;
    if (silencedFiring || due == null) {
      // look again when a silence may have ended, without waiting a whole repeat interval
      Instant recheck = now.plus(route.groupInterval());
      due = due == null || recheck.isBefore(due) ? recheck : due;
    }
    return new AlertGroup(id, tenant, groupKey, route, groupLabels, createdAt, now, notifiedAt,
        due, notified ? sequence + 1 : sequence, nextNotifiedHash, nextSuppressedHash,
        lastEventId, remaining);
  }

  private Notification content(Notification.Status status, List<GroupedAlert> shown,
      Instant now) {
    List<GroupedAlert> sorted = shown.stream().sorted(Notification.ORDER).toList();
    int max = route.maxAlerts();
    long seq = sequence + 1;
    return new Notification(Notification.id(tenant, groupKey, createdAt, seq), tenant,
        Notification.Kind.ALERT_GROUP, status, groupKey, route.name(), groupLabels, seq,
        sorted.subList(0, Math.min(max, sorted.size())), Math.max(0, sorted.size() - max), null,
        lastEventId, now);
  }

  private Instant nextDue(Route currentRoute, Instant now) {
    Instant next;
    if (lastFlushAt == null) {
      next = createdAt.plus(currentRoute.groupWait());
    } else {
      Instant earliest = lastFlushAt.plus(currentRoute.groupInterval());
      next = earliest.isAfter(now) ? earliest : now;
    }
    return dueAt == null || next.isBefore(dueAt) ? next : dueAt;
  }

  private AlertGroup withAlerts(Route newRoute, SortedMap<String, GroupedAlert> newAlerts,
      String eventId, Instant due) {
    return new AlertGroup(id, tenant, groupKey, newRoute, groupLabels, createdAt, lastFlushAt,
        lastNotifiedAt, due, sequence, notifiedHash, suppressedHash, eventId, newAlerts);
  }

  private static String hash(List<GroupedAlert> members) {
    List<String> parts = new ArrayList<>();
    members.stream().map(a -> a.fingerprint() + "#" + a.alertId() + "#" + a.status())
        .sorted().forEach(parts::add);
    return parts.isEmpty() ? EMPTY : EventIds.derived(parts.toArray(String[]::new));
  }
}
