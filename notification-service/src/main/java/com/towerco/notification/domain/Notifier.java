package com.towerco.notification.domain;

import com.towerco.events.EventIds;
import com.towerco.events.EventTypes;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.events.payload.notification.NotificationEscalated;
import com.towerco.events.payload.notification.NotificationSuppressed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification service's decisions, as a pure function of its inputs and state: alerts
 * join groups by route, groups flush when due (unless silenced, which is recorded), every
 * flush and escalation level becomes one delivery per receiver, a delivery is attempted when
 * its receiver's circuit allows and retried with backoff when it fails, and escalations climb
 * until the incident is acknowledged. Time is the {@code now} it is given: event time, moved
 * on by tick events, so a test or a replay decides exactly the same.
 */
public final class Notifier {
  /** How long an attempt waits while its receiver's half-open trial is out. */
  static final Duration WAIT_FOR_TRIAL = Duration.ofSeconds(1);
  private static final int MAX_TIMERS_PER_INPUT = 100_000;

  private final NotifierState state;
  private final Settings settings;

  public Notifier(NotifierState state, Settings settings) {
    this.state = state;
    this.settings = settings;
  }

  /** Applies one input at {@code now}, then fires every timer due by then. */
  public List<Decision> handle(NotifierInput input, Instant now) {
    List<Decision> out = new ArrayList<>();
    if (input instanceof NotifierInput.AlertFired fired) {
      alertFired(fired, now);
    } else if (input instanceof NotifierInput.AlertCleared cleared) {
      alertCleared(cleared, now);
    } else if (input instanceof NotifierInput.IncidentStarted started) {
      incidentStarted(started);
    } else if (input instanceof NotifierInput.IncidentStopped stopped) {
      state.removeEscalation(Escalation.id(stopped.tenant(), stopped.incidentId()));
    } else if (input instanceof NotifierInput.DeliveryOutcome outcome) {
      outcome(outcome.attempt(), now);
    }
    fireDue(now, out);
    return out;
  }

  private void alertFired(NotifierInput.AlertFired fired, Instant now) {
    Map<String, String> labels = Labels.ofAlert(fired.tenant(), fired.alert());
    GroupedAlert alert = GroupedAlert.firing(fired.alert(), labels, fired.eventId());
    for (Route route : settings.routing(fired.tenant()).routesFor(labels)) {
      String id = AlertGroup.idFor(fired.tenant(), route.groupKey(labels));
      Optional<AlertGroup> existing = state.group(id);
      AlertGroup group = existing.orElseGet(() -> AlertGroup.open(fired.tenant(), route, labels,
          now));
      AlertGroup next = group.fire(alert, route, now);
      if (existing.isEmpty() || next != group) {
        state.put(next);
      }
    }
  }

  private void alertCleared(NotifierInput.AlertCleared cleared, Instant now) {
    for (String id : state.groupsWith(cleared.tenant(), cleared.alert().fingerprint())) {
      state.group(id).ifPresent(group -> {
        AlertGroup next = group.resolve(cleared.alert(), cleared.eventId(), now);
        if (next != group) {
          state.put(next);
        }
      });
    }
  }

  private void incidentStarted(NotifierInput.IncidentStarted started) {
    String id = Escalation.id(started.tenant(), started.incident().incidentId());
    if (state.escalation(id).isPresent()) {
      return;
    }
    Map<String, String> labels = Labels.ofIncident(started.tenant(), started.incident());
    settings.routing(started.tenant()).escalationFor(labels).ifPresent(policy -> state.put(
        Escalation.start(started.tenant(), started.incident(), started.eventId(), policy,
            labels)));
  }

  private void outcome(NotificationAttempted attempt, Instant now) {
    Optional<Delivery> found = state.delivery(attempt.idempotencyKey());
    if (found.isEmpty() || found.get().status() != Delivery.Status.IN_FLIGHT
        || found.get().attempt() != attempt.attempt()) {
      return; // a repeat of an outcome already applied
    }
    Delivery delivery = found.get();
    DeliveryPolicy policy = settings.delivery();
    boolean delivered = attempt.outcome() == NotificationAttempted.Outcome.DELIVERED;
    if (!delivery.fastFail()) {
      CircuitBreaker breaker = state.breaker(delivery.breakerId());
      state.put(delivery.breakerId(), delivered ? breaker.success() : breaker.failure(now, policy));
    }
    if (attempt.outcome() == NotificationAttempted.Outcome.FAILED) {
      state.put(delivery.retryAt(now.plus(policy.backoff(attempt.attempt(), delivery.key()))));
    } else {
      state.removeDelivery(delivery.key());
    }
  }

  private void fireDue(Instant now, List<Decision> out) {
    Optional<NotifierState.Timer> due;
    int fired = 0;
    while ((due = state.nextDue(now)).isPresent() && fired++ < MAX_TIMERS_PER_INPUT) {
      NotifierState.Timer timer = due.get();
      switch (timer.kind()) {
        case GROUP -> flush(timer.id(), now, out);
        case DELIVERY -> state.delivery(timer.id()).ifPresent(d -> attempt(d, now, out));
        case ESCALATION -> state.escalation(timer.id()).ifPresent(e -> escalate(e, now, out));
        default -> throw new IllegalStateException("unknown timer " + timer);
      }
    }
  }

  private void flush(String groupId, Instant now, List<Decision> out) {
    AlertGroup group = state.group(groupId).orElseThrow();
    AlertGroup.Flush flush = group.flush(now, settings.silences(group.tenant()));
    if (flush.next() == null) {
      state.removeGroup(groupId);
    } else {
      state.put(flush.next());
    }
    if (flush.suppression() != null) {
      AlertGroup.Suppression s = flush.suppression();
      String notificationId = EventIds.derived("suppressed", group.id(), s.alertIds().toString(),
          s.silenceIds().toString());
      out.add(publish(group.tenant(), notificationId, now, new NotificationSuppressed(
          notificationId, shorten(group.groupKey()), group.route().name(),
          group.route().receivers(), s.silenceIds(), s.alertIds(), null, s.eventId(), now)));
    }
    if (flush.notification() != null) {
      deliver(flush.notification(), group.route().receivers(), now, out);
    }
  }

  private void escalate(Escalation escalation, Instant now, List<Decision> out) {
    EscalationPolicy.Level level = escalation.level();
    int levelNo = escalation.nextLevel() + 1;
    String policy = escalation.policy().name();
    String notificationId = EventIds.derived("escalation", escalation.tenant(),
        escalation.incidentId(), String.valueOf(levelNo));
    List<String> muting = settings.silences(escalation.tenant()).stream()
        .filter(s -> s.mutes(escalation.labels(), now)).map(Silence::id).toList();
    if (!muting.isEmpty()) {
      out.add(publish(escalation.tenant(), notificationId, now, new NotificationSuppressed(
          notificationId, shorten("escalation{incident=\"" + escalation.incidentId() + "\"}"),
          policy, level.receivers(), muting, List.of(), escalation.incidentId(),
          escalation.sourceEventId(), now)));
    } else {
      Notification notification = new Notification(notificationId, escalation.tenant(),
          Notification.Kind.ESCALATION, Notification.Status.FIRING,
          "escalation{incident=\"" + escalation.incidentId() + "\"}", policy,
          Map.of("incident", escalation.incidentId()), levelNo, List.of(), 0,
          escalation.incident().atLevel(levelNo, policy), escalation.sourceEventId(), now);
      deliver(notification, level.receivers(), now, out);
      out.add(publish(escalation.tenant(), notificationId, now, new NotificationEscalated(
          escalation.incidentId(), policy, levelNo, level.receivers(), notificationId, now)));
    }
    Escalation next = escalation.advance();
    if (next == null) {
      state.removeEscalation(escalation.id());
    } else {
      state.put(next);
    }
  }

  private void deliver(Notification notification, List<String> receivers, Instant now,
      List<Decision> out) {
    TenantRouting routing = settings.routing(notification.tenant());
    for (String name : receivers) {
      // a receiver removed since the group formed: log the notification rather than lose it
      Receiver receiver = routing.receiver(name).orElseGet(() -> Receiver.log(name));
      Delivery delivery = Delivery.create(notification, receiver,
          settings.delivery().maxAttempts(), now);
      if (state.delivery(delivery.key()).isEmpty()) {
        attempt(delivery, now, out);
      }
    }
  }

  private void attempt(Delivery delivery, Instant now, List<Decision> out) {
    CircuitBreaker.Decision decision = state.breaker(delivery.breakerId())
        .permit(delivery.key(), now, settings.delivery());
    switch (decision.permit()) {
      case CALL -> {
        state.put(delivery.breakerId(), decision.next());
        out.add(new Decision.Dispatch(delivery.request(false, now)));
        state.put(delivery.sent(false));
      }
      case FAIL_FAST -> {
        out.add(new Decision.Dispatch(delivery.request(true, now)));
        state.put(delivery.sent(true));
      }
      case WAIT -> state.put(delivery.retryAt(now.plus(WAIT_FOR_TRIAL)));
      default -> throw new IllegalStateException(decision.toString());
    }
  }

  private static Decision.Publish publish(String tenant, String notificationId, Instant now,
      com.towerco.events.payload.Payload payload) {
    String type = EventTypes.of(payload.getClass()).name();
    return new Decision.Publish(tenant, notificationId, EventIds.derived(type, notificationId),
        "", now, payload);
  }

  private static String shorten(String text) {
    return text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }
}
