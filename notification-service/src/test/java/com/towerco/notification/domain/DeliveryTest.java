package com.towerco.notification.domain;

import static com.towerco.notification.domain.Fixtures.T0;
import static com.towerco.notification.domain.Fixtures.fired;
import static com.towerco.notification.domain.Fixtures.outcome;
import static com.towerco.notification.domain.Fixtures.requests;
import static com.towerco.notification.domain.Fixtures.tick;
import static com.towerco.notification.domain.Fixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.notification.NotificationAttempted.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, backoff and circuit breakers: given delivery outcomes, expect these attempts. */
class DeliveryTest {
  private final Fixtures.TestSettings settings = new Fixtures.TestSettings();
  private NotifierState state;
  private Notifier notifier;

  @BeforeEach
  void setUp() {
    settings.routing.put("mtn", new TenantRouting(
        List.of(Receiver.webhook("hook", Receiver.Channel.WEBHOOK, "http://mtn.example/h")),
        List.of(Fixtures.route("noc", "hook").withGroupBy(List.of("site"))), List.of()));
    state = NotifierState.inMemory();
    notifier = new Notifier(state, settings);
  }

  @Test
  void retriesAFailedDeliveryWithGrowingBackoffUntilItIsDelivered() {
    DeliveryRequest first = firstRequest("S1");
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.finalAttempt()).isFalse();

    Instant failedAt = T0.plusSeconds(31);
    notifier.handle(outcome(first, Outcome.FAILED, failedAt), failedAt);
    Duration wait = settings.policy.backoff(1, first.idempotencyKey());
    assertThat(wait).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
    assertThat(requests(notifier.handle(tick(failedAt.plus(wait).minusMillis(1)),
        failedAt.plus(wait).minusMillis(1)))).isEmpty();
    DeliveryRequest second = requests(notifier.handle(tick(failedAt.plus(wait)),
        failedAt.plus(wait))).get(0);
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey());
    assertThat(second.notification()).isEqualTo(first.notification());

    notifier.handle(outcome(second, Outcome.DELIVERED, failedAt.plusSeconds(3)),
        failedAt.plusSeconds(3));
    assertThat(state.delivery(first.idempotencyKey())).isEmpty();
  }

  @Test
  void theBackoffGrowsExponentiallyWithinItsJitterAndIsTheSameOnReplay() {
    DeliveryPolicy policy = settings.policy;
    for (int attempt = 1; attempt <= 6; attempt++) {
      double base = Math.min(2000 * Math.pow(2, attempt - 1), 60_000);
      Duration wait = policy.backoff(attempt, "key-1");
      assertThat(wait.toMillis()).isBetween((long) (base * 0.8), (long) (base * 1.2));
      assertThat(policy.backoff(attempt, "key-1")).isEqualTo(wait);
    }
    assertThat(policy.backoff(1, "key-1")).isNotEqualTo(policy.backoff(1, "key-2"));
  }

  @Test
  void theLastAttemptIsMarkedFinalSoItsFailureGivesUp() {
    DeliveryRequest request = firstRequest("S1");
    Instant now = T0.plusSeconds(30);
    for (int attempt = 1; attempt < settings.policy.maxAttempts(); attempt++) {
      now = now.plusSeconds(1);
      notifier.handle(outcome(request, Outcome.FAILED, now), now);
      now = now.plus(settings.policy.backoff(attempt, request.idempotencyKey()));
      // the breaker (threshold 3) opens on the way, so later attempts fail fast
      request = requests(notifier.handle(tick(now), now)).get(0);
    }
    assertThat(request.attempt()).isEqualTo(settings.policy.maxAttempts());
    assertThat(request.finalAttempt()).isTrue();
    notifier.handle(outcome(request, Outcome.GAVE_UP, now.plusSeconds(1)), now.plusSeconds(1));
    assertThat(state.delivery(request.idempotencyKey())).isEmpty();
    assertThat(state.timers()).extracting(NotifierState.Timer::kind)
        .doesNotContain(NotifierState.Kind.DELIVERY);
  }

  @Test
  void opensTheCircuitAfterRepeatedFailuresAndFailsFastUntilATrialSucceeds() {
    Instant now = T0;
    for (int i = 1; i <= 3; i++) {
      notifier.handle(fired("mtn", unreachable("S" + i, "H1")), now);
    }
    List<DeliveryRequest> first = requests(notifier.handle(tick(now.plusSeconds(30)),
        now.plusSeconds(30)));
    assertThat(first).hasSize(3).allSatisfy(r -> assertThat(r.circuitOpen()).isFalse());
    now = now.plusSeconds(31);
    for (DeliveryRequest r : first) {
      notifier.handle(outcome(r, Outcome.FAILED, now), now);
    }
    assertThat(state.breaker("mtn|hook").state()).isEqualTo(CircuitBreaker.State.OPEN);

    now = now.plusSeconds(10);
    List<DeliveryRequest> retries = requests(notifier.handle(tick(now), now));
    assertThat(retries).hasSize(3).allSatisfy(r -> assertThat(r.circuitOpen()).isTrue());
    for (DeliveryRequest r : retries) {
      notifier.handle(outcome(r, Outcome.FAILED, now), now);
    }

    now = now.plus(settings.policy.breakerOpenFor());
    List<DeliveryRequest> afterOpen = requests(notifier.handle(tick(now), now));
    assertThat(afterOpen).as("one trial goes out while the others wait")
        .singleElement().satisfies(r -> assertThat(r.circuitOpen()).isFalse());
    assertThat(state.breaker("mtn|hook").state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    notifier.handle(outcome(afterOpen.get(0), Outcome.DELIVERED, now), now);
    assertThat(state.breaker("mtn|hook").state()).isEqualTo(CircuitBreaker.State.CLOSED);

    List<DeliveryRequest> released = requests(notifier.handle(tick(now.plusSeconds(1)),
        now.plusSeconds(1)));
    assertThat(released).hasSize(2).allSatisfy(r -> assertThat(r.circuitOpen()).isFalse());
  }

  @Test
  void anOutcomeDeliveredTwiceIsAppliedOnce() {
    DeliveryRequest first = firstRequest("S1");
    Instant at = T0.plusSeconds(31);
    var failed = outcome(first, Outcome.FAILED, at);
    notifier.handle(failed, at);
    Delivery waiting = state.delivery(first.idempotencyKey()).orElseThrow();
    notifier.handle(failed, at.plusMillis(10));
    assertThat(state.delivery(first.idempotencyKey())).contains(waiting);
    assertThat(state.breaker("mtn|hook").failures()).isEqualTo(1);
  }

  private DeliveryRequest firstRequest(String site) {
    notifier.handle(fired("mtn", unreachable(site, "H1")), T0);
    return requests(notifier.handle(tick(T0.plusSeconds(30)), T0.plusSeconds(30))).get(0);
  }
}
