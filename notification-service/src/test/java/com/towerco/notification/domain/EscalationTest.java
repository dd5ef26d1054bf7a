package com.towerco.notification.domain;

import static com.towerco.notification.domain.Fixtures.T0;
import static com.towerco.notification.domain.Fixtures.incident;
import static com.towerco.notification.domain.Fixtures.published;
import static com.towerco.notification.domain.Fixtures.requests;
import static com.towerco.notification.domain.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.notification.NotificationEscalated;
import com.towerco.events.payload.notification.NotificationSuppressed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation: given an incident that nobody acknowledges, each level is told in turn. */
class EscalationTest {
  private final Fixtures.TestSettings settings = new Fixtures.TestSettings();
  private Notifier notifier;

  @BeforeEach
  void setUp() {
    settings.routing.put("towerco", new TenantRouting(
        List.of(Receiver.log("noc"), Receiver.email("duty", "duty@towerco.example"),
            Receiver.email("director", "director@towerco.example")),
        List.of(),
        List.of(new EscalationPolicy("critical", List.of(Matcher.parse("severity=critical")),
            List.of(new EscalationPolicy.Level(Duration.ZERO, List.of("noc")),
                new EscalationPolicy.Level(Duration.ofMinutes(15), List.of("duty")),
                new EscalationPolicy.Level(Duration.ofMinutes(45), List.of("director")))))));
    notifier = new Notifier(NotifierState.inMemory(), settings);
  }

  @Test
  void escalatesLevelByLevelUntilTheIncidentIsAcknowledged() {
    List<Decision> opened = notifier.handle(started("inc-1", AlertSeverity.CRITICAL), T0);
    assertThat(requests(opened)).extracting(r -> r.receiver().name()).containsExactly("noc");
    assertThat(escalations(opened)).extracting(NotificationEscalated::level).containsExactly(1);

    assertThat(notifier.handle(tick(T0.plusSeconds(899)), T0.plusSeconds(899))).isEmpty();
    List<Decision> second = notifier.handle(tick(T0.plusSeconds(900)), T0.plusSeconds(900));
    assertThat(requests(second)).singleElement().satisfies(r -> {
      assertThat(r.receiver().name()).isEqualTo("duty");
      assertThat(r.notification().incident().level()).isEqualTo(2);
      assertThat(r.notification().title()).contains("ESCALATION L2");
    });
    assertThat(escalations(second)).extracting(NotificationEscalated::level).containsExactly(2);

    notifier.handle(new NotifierInput.IncidentStopped("towerco", "e-ack", "inc-1",
        "acknowledged"), T0.plusSeconds(1000));
    assertThat(notifier.handle(tick(T0.plusSeconds(2700)), T0.plusSeconds(2700)))
        .as("acknowledged: the director is not called").isEmpty();
  }

  @Test
  void anIncidentOpenedLongAgoCatchesUpEveryLevelDue() {
    Instant late = T0.plusSeconds(1200);
    List<Decision> decisions = notifier.handle(started("inc-2", AlertSeverity.CRITICAL), late);
    assertThat(escalations(decisions)).extracting(NotificationEscalated::level)
        .containsExactly(1, 2);
  }

  @Test
  void anIncidentNoPolicyMatchesIsNotEscalated() {
    assertThat(notifier.handle(started("inc-3", AlertSeverity.MINOR), T0)).isEmpty();
    assertThat(notifier.handle(tick(T0.plusSeconds(3600)), T0.plusSeconds(3600))).isEmpty();
  }

  @Test
  void aSilencedIncidentIsRecordedAsSuppressedAtEachLevel() {
    settings.silences.add(new Silence("maint", "towerco", List.of(Matcher.parse("site=H1")),
        T0.minusSeconds(60), T0.plusSeconds(7200), null, "noc", "planned generator swap"));
    List<Decision> decisions = notifier.handle(started("inc-4", AlertSeverity.CRITICAL), T0);
    assertThat(requests(decisions)).isEmpty();
    assertThat(published(decisions)).singleElement().satisfies(p -> {
      NotificationSuppressed s = (NotificationSuppressed) p.payload();
      assertThat(s.incidentId()).isEqualTo("inc-4");
      assertThat(s.silenceIds()).containsExactly("maint");
    });
  }

  @Test
  void anIncidentOpenedTwiceEscalatesOnce() {
    notifier.handle(started("inc-5", AlertSeverity.CRITICAL), T0);
    assertThat(notifier.handle(started("inc-5", AlertSeverity.CRITICAL), T0.plusSeconds(1)))
        .isEmpty();
  }

  private static NotifierInput.IncidentStarted started(String id, AlertSeverity severity) {
    return new NotifierInput.IncidentStarted("towerco", "e-" + id, incident(id, severity, T0));
  }

  private static List<NotificationEscalated> escalations(List<Decision> decisions) {
    return published(decisions).stream().map(Decision.Publish::payload)
        .filter(p -> p instanceof NotificationEscalated).map(p -> (NotificationEscalated) p)
        .toList();
  }
}
