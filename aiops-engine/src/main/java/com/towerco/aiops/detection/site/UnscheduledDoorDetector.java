package com.towerco.aiops.detection.site;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Door open with no scheduled visit: raised when the door is open and no visit in the
 * {@link VisitCalendar} covers the time (also when a visit's window ends with the door still
 * open), cleared when the door closes, with how long it was open.
 */
public final class UnscheduledDoorDetector
    implements SiteDetector<UnscheduledDoorDetector.State> {
  private final VisitCalendar calendar;

  public UnscheduledDoorDetector(VisitCalendar calendar) {
    this.calendar = calendar;
  }

  /** Since when the door is open (null when closed), and whether it is reported. */
  public record State(Instant openSince, boolean reported) {}

  @Override
  public State initial() {
    return new State(null, false);
  }

  @Override
  public Step<State> observe(State s, SiteReading r) {
    boolean open = r.telemetry().door().open();
    if (!open) {
      if (s.reported()) {
        double minutes = Duration.between(s.openSince(), r.time()).toSeconds() / 60.0;
        return new Step<>(initial(), List.of(new Finding(FindingKind.UNSCHEDULED_DOOR_OPEN,
            r.siteId(), Finding.Status.CLEARED, r.time(), AlertSeverity.MAJOR,
            String.format("Door closed after %.0f min open without a scheduled visit", minutes),
            Map.of("minutes_open", minutes), null)));
      }
      return Step.quiet(initial());
    }
    Instant since = s.openSince() == null ? r.time() : s.openSince();
    if (s.reported()) {
      return Step.quiet(new State(since, true));
    }
    Optional<ScheduledVisit> visit = calendar.visitAt(r.siteId(), r.time());
    if (visit.isPresent()) {
      return Step.quiet(new State(since, false));
    }
    double minutes = Duration.between(since, r.time()).toSeconds() / 60.0;
    return new Step<>(new State(since, true), List.of(new Finding(
        FindingKind.UNSCHEDULED_DOOR_OPEN, r.siteId(), Finding.Status.RAISED, r.time(),
        AlertSeverity.MAJOR, minutes > 0
            ? String.format("Door open %.0f min, past the end of the scheduled visit", minutes)
            : "Door opened with no scheduled visit",
        Map.of("minutes_open", minutes), null)));
  }
}
