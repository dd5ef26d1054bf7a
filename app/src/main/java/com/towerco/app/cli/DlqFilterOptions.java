package com.towerco.app.cli;

import com.towerco.events.Rfc3339;
import com.towerco.platform.config.Durations;
import com.towerco.platform.dlq.DeadLetterFilter;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --reason}, {@code --service}, {@code --topic}, {@code --since}, {@code --until}. */
public final class DlqFilterOptions {
  @Option(names = "--reason", paramLabel = "REASON",
      description = "Only this reason: MALFORMED_JSON, MISSING_FIELD, WRONG_TYPE, "
          + "UNKNOWN_EVENT_TYPE, UNKNOWN_VERSION, SCHEMA_VIOLATION, OVERSIZED, PROCESSING_FAILED, "
          + "DELIVERY_FAILED, ...")
  String reason;

  @Option(names = "--service", paramLabel = "NAME",
      description = "Only letters this service dead-lettered (kpi, aiops, analytics, ...).")
  String service;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "Only letters from this topic.")
  String topic;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Dead-lettered at or after: an RFC 3339 time (2026-05-01T08:00:00Z) or a "
          + "duration back from now (PT2H, P1D).")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Dead-lettered before; same forms.")
  String until;

  DeadLetterFilter filter(Clock clock) {
    return new DeadLetterFilter(reason, service, topic, time(since, clock), time(until, clock));
  }

  private static Instant time(String text, Clock clock) {
    if (text == null) {
      return null;
    }
    try {
      return text.contains("-") ? Rfc3339.parse(text)
          : clock.instant().minus(Durations.parse(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is neither an RFC 3339 time "
          + "(2026-05-01T08:00:00Z) nor a duration ago (2h, PT2H, P1D)");
    }
  }
}
