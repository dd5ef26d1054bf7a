package com.towerco.notification.domain;

import static com.towerco.notification.domain.Fixtures.T0;
import static com.towerco.notification.domain.Fixtures.cleared;
import static com.towerco.notification.domain.Fixtures.fired;
import static com.towerco.notification.domain.Fixtures.outcome;
import static com.towerco.notification.domain.Fixtures.published;
import static com.towerco.notification.domain.Fixtures.requests;
import static com.towerco.notification.domain.Fixtures.resolved;
import static com.towerco.notification.domain.Fixtures.tick;
import static com.towerco.notification.domain.Fixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.notification.NotificationAttempted.Outcome;
import com.towerco.events.payload.notification.NotificationSuppressed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grouping, deduplication, resolution, repeats: given inputs at event times, expect decisions. */
class NotifierTest {
  private final Fixtures.TestSettings settings = new Fixtures.TestSettings();
  private NotifierState state;
  private Notifier notifier;

  @BeforeEach
  void setUp() {
    settings.routing.put("mtn", new TenantRouting(
        List.of(Receiver.webhook("mtn-hook", Receiver.Channel.WEBHOOK, "http://mtn.example/h")),
        List.of(Fixtures.route("noc", "mtn-hook")), List.of()));
    state = NotifierState.inMemory();
    notifier = new Notifier(state, settings);
  }

  @Test
  void aHubFailureHittingTwentySitesIsOneNotificationThatUpdates() {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      decisions.addAll(notifier.handle(fired("mtn", unreachable("S" + i, "H1")),
          T0.plusMillis(500L * (i - 1))));
    }
    decisions.addAll(notifier.handle(tick(T0.plusSeconds(29)), T0.plusSeconds(29)));
    assertThat(decisions).as("nothing before group_wait").isEmpty();

    List<DeliveryRequest> first = requests(notifier.handle(tick(T0.plusSeconds(30)),
        T0.plusSeconds(30)));
    assertThat(first).hasSize(1);
    assertThat(first.get(0).notification().alerts()).hasSize(20);
    assertThat(first.get(0).notification().groupKey()).isEqualTo("noc{hub=\"H1\"}");
    notifier.handle(outcome(first.get(0), Outcome.DELIVERED, T0.plusSeconds(31)),
        T0.plusSeconds(31));

    for (int i = 21; i <= 25; i++) {
      assertThat(notifier.handle(fired("mtn", unreachable("S" + i, "H1")), T0.plusSeconds(60)))
          .as("changes wait for group_interval").isEmpty();
    }
    List<DeliveryRequest> update = requests(notifier.handle(tick(T0.plusSeconds(330)),
        T0.plusSeconds(330)));
    assertThat(update).hasSize(1);
    assertThat(update.get(0).notification().alerts()).hasSize(25);
    assertThat(update.get(0).notification().sequence()).isEqualTo(2);
    assertThat(update.get(0).idempotencyKey()).isNotEqualTo(first.get(0).idempotencyKey());
  }

  @Test
  void theSameFiringDeliveredTwiceNotifiesOnce() {
    AlertFiring alert = unreachable("S1", "H1");
    notifier.handle(fired("mtn", alert), T0);
    notifier.handle(fired("mtn", alert), T0.plusSeconds(1));
    List<DeliveryRequest> sent = requests(notifier.handle(tick(T0.plusSeconds(30)),
        T0.plusSeconds(30)));
    assertThat(sent).hasSize(1);
    deliver(sent, T0.plusSeconds(31));

    assertThat(notifier.handle(fired("mtn", alert), T0.plusSeconds(40))).isEmpty();
    assertThat(requests(notifier.handle(tick(T0.plusSeconds(600)), T0.plusSeconds(600))))
        .as("an unchanged group is not notified again before repeat_interval").isEmpty();
  }

  @Test
  void resendsAnUnchangedFiringGroupEveryRepeatInterval() {
    notifier.handle(fired("mtn", unreachable("S1", "H1")), T0);
    deliver(requests(notifier.handle(tick(T0.plusSeconds(30)), T0.plusSeconds(30))),
        T0.plusSeconds(30));
    Instant repeat = T0.plusSeconds(30).plus(Route.DEFAULT_REPEAT_INTERVAL);
    assertThat(requests(notifier.handle(tick(repeat.minusSeconds(1)), repeat.minusSeconds(1))))
        .isEmpty();
    List<DeliveryRequest> reminder = requests(notifier.handle(tick(repeat), repeat));
    assertThat(reminder).hasSize(1);
    assertThat(reminder.get(0).notification().sequence()).isEqualTo(2);
  }

  @Test
  void sendsOneResolvedNotificationWhenEveryAlertOfTheGroupClears() {
    AlertFiring s1 = unreachable("S1", "H1");
    AlertFiring s2 = unreachable("S2", "H1");
    notifier.handle(fired("mtn", s1), T0);
    notifier.handle(fired("mtn", s2), T0);
    deliver(requests(notifier.handle(tick(T0.plusSeconds(30)), T0.plusSeconds(30))),
        T0.plusSeconds(30));

    notifier.handle(cleared("mtn", resolved(s1, T0.plusSeconds(100))), T0.plusSeconds(100));
    List<DeliveryRequest> partial = requests(notifier.handle(tick(T0.plusSeconds(330)),
        T0.plusSeconds(330)));
    assertThat(partial).hasSize(1);
    assertThat(partial.get(0).notification().status()).isEqualTo(Notification.Status.FIRING);
    assertThat(partial.get(0).notification().alerts()).extracting(GroupedAlert::status)
        .containsExactly(GroupedAlert.Status.FIRING, GroupedAlert.Status.RESOLVED);
    deliver(partial, T0.plusSeconds(330));

    notifier.handle(cleared("mtn", resolved(s2, T0.plusSeconds(400))), T0.plusSeconds(400));
    List<DeliveryRequest> done = requests(notifier.handle(tick(T0.plusSeconds(630)),
        T0.plusSeconds(630)));
    assertThat(done).hasSize(1);
    assertThat(done.get(0).notification().status()).isEqualTo(Notification.Status.RESOLVED);
    deliver(done, T0.plusSeconds(630));
    assertThat(state.timers()).as("the group is gone").isEmpty();
  }

  @Test
  void anAlertThatFiresAndClearsWithinGroupWaitNotifiesNobody() {
    AlertFiring flap = unreachable("S1", "H1");
    notifier.handle(fired("mtn", flap), T0);
    notifier.handle(cleared("mtn", resolved(flap, T0.plusSeconds(5))), T0.plusSeconds(5));
    assertThat(notifier.handle(tick(T0.plusSeconds(30)), T0.plusSeconds(30))).isEmpty();
    assertThat(state.timers()).isEmpty();
  }

  @Test
  void silencedAlertsAreRecordedAsSuppressedAndNotifiedOnceTheSilenceEnds() {
    settings.silences.add(new Silence("sil-1", "mtn", List.of(Matcher.parse("hub=H1")), T0,
        T0.plusSeconds(3600), null, "noc", "field visit"));
    notifier.handle(fired("mtn", unreachable("S1", "H1")), T0);
    List<Decision> flush = notifier.handle(tick(T0.plusSeconds(30)), T0.plusSeconds(30));
    assertThat(requests(flush)).isEmpty();
    assertThat(published(flush)).singleElement().satisfies(p -> {
      NotificationSuppressed suppressed = (NotificationSuppressed) p.payload();
      assertThat(suppressed.silenceIds()).containsExactly("sil-1");
      assertThat(suppressed.alertIds()).containsExactly("al-S1");
      assertThat(suppressed.receivers()).containsExactly("mtn-hook");
    });
    assertThat(notifier.handle(tick(T0.plusSeconds(330)), T0.plusSeconds(330)))
        .as("the same suppression is recorded once").isEmpty();

    Instant after = T0.plusSeconds(3600 + 300);
    List<DeliveryRequest> sent = requests(notifier.handle(tick(after), after));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).notification().alerts()).extracting(GroupedAlert::alertId)
        .containsExactly("al-S1");
  }

  @Test
  void aTenantsAlertsReachOnlyItsOwnReceivers() {
    settings.routing.put("vodacom", new TenantRouting(
        List.of(Receiver.email("voda-mail", "noc@voda.example")),
        List.of(Fixtures.route("all", "voda-mail")), List.of()));
    notifier.handle(fired("mtn", unreachable("S1", "H1")), T0);
    notifier.handle(fired("vodacom", Fixtures.alert("mains-failure", "S9",
        AlertSeverity.MAJOR)), T0);
    List<DeliveryRequest> sent = requests(notifier.handle(tick(T0.plusSeconds(30)),
        T0.plusSeconds(30)));
    assertThat(sent).hasSize(2).allSatisfy(r -> {
      assertThat(r.notification().tenant()).isEqualTo(r.tenant());
      assertThat(r.notification().alerts()).allSatisfy(a ->
          assertThat(a.labels().get("tenant")).isEqualTo(r.tenant()));
    });
    assertThat(sent).filteredOn(r -> r.tenant().equals("mtn"))
        .extracting(r -> r.receiver().name()).containsExactly("mtn-hook");
    assertThat(sent).filteredOn(r -> r.tenant().equals("vodacom"))
        .extracting(r -> r.receiver().name()).containsExactly("voda-mail");
  }

  @Test
  void anAlertNoRouteMatchesIsGroupedAndLoggedUnderTheImplicitUnroutedRoute() {
    settings.routing.put("mtn", new TenantRouting(
        List.of(Receiver.webhook("mtn-hook", Receiver.Channel.WEBHOOK, "http://mtn.example/h")),
        List.of(Route.of("critical-only", List.of(Matcher.parse("severity=critical")),
            List.of("mtn-hook"))), List.of()));
    notifier.handle(fired("mtn", unreachable("S1", "H1")), T0);
    List<DeliveryRequest> sent = requests(notifier.handle(tick(T0.plusSeconds(30)),
        T0.plusSeconds(30)));
    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.receiver().name()).isEqualTo(TenantRouting.UNROUTED);
      assertThat(r.receiver().type()).isEqualTo(Receiver.Channel.LOG);
      assertThat(r.notification().groupKey()).startsWith(TenantRouting.UNROUTED);
      assertThat(r.tenant()).isEqualTo("mtn");
    });
  }

  @Test
  void theUnroutedNameIsReserved() {
    assertThatThrownBy(() -> new TenantRouting(List.of(Receiver.log("unrouted")), List.of(),
        List.of())).hasMessageContaining("reserved");
  }

  @Test
  void aTenantWithoutRoutingHasItsAlertsLogged() {
    notifier.handle(fired("airtel", unreachable("S1", "H1")), T0);
    List<DeliveryRequest> sent = requests(notifier.handle(tick(T0.plusSeconds(30)),
        T0.plusSeconds(30)));
    assertThat(sent).singleElement().satisfies(r ->
        assertThat(r.receiver().type()).isEqualTo(Receiver.Channel.LOG));
  }

  @Test
  void stateReopenedFromItsStoresDecidesExactlyTheSame() {
    KeyValue<AlertGroup> groups = KeyValue.inMemory();
    KeyValue<Delivery> deliveries = KeyValue.inMemory();
    KeyValue<CircuitBreaker> breakers = KeyValue.inMemory();
    KeyValue<Escalation> escalations = KeyValue.inMemory();
    Notifier before = new Notifier(new NotifierState(groups, deliveries, breakers, escalations),
        settings);
    before.handle(fired("mtn", unreachable("S1", "H1")), T0);

    Notifier after = new Notifier(new NotifierState(groups, deliveries, breakers, escalations),
        settings);
    List<DeliveryRequest> sent = requests(after.handle(tick(T0.plusSeconds(30)),
        T0.plusSeconds(30)));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).notification().alerts()).hasSize(1);
  }

  private void deliver(List<DeliveryRequest> sent, Instant at) {
    sent.forEach(r -> notifier.handle(outcome(r, Outcome.DELIVERED, at), at));
  }
}
