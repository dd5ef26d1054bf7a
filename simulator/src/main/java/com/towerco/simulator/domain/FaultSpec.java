package com.towerco.simulator.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One injection as written on the command line: {@code KIND:SITE@OFFSET[+DURATION]}, e.g.
 * {@code mains-outage:S0003@2m+1h}. The offset counts from the start of the simulation (or, for
 * a fault injected into a running simulation, from its current simulated time). Without a
 * duration the kind's default applies.
 */
public record FaultSpec(FaultKind kind, String siteId, Duration offset, Duration duration) {
  public static final String SYNTAX = "KIND:SITE@OFFSET[+DURATION]";
  public static final String EXAMPLE = "mains-outage:S0003@2m+1h";

  private static final Pattern SPEC = Pattern.compile(
      "([a-z][a-z-]*):([A-Za-z0-9][A-Za-z0-9_-]{0,63})@([^+]+)(?:\\+(.+))?");

  public FaultSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(siteId, "siteId");
    Objects.requireNonNull(offset, "offset");
    if (offset.isNegative()) {
      throw new IllegalArgumentException("fault offset must not be negative: " + offset);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("fault duration must be positive: " + duration);
    }
  }

  /** Parses one spec; the exception message names the spec and what is wrong with it. */
  public static FaultSpec parse(String text) {
    String spec = text == null ? "" : text.trim();
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad fault spec '" + spec + "': expected " + SYNTAX
          + ", e.g. " + EXAMPLE);
    }
    try {
      FaultKind kind = FaultKind.fromLabel(m.group(1));
      Duration offset = SimDurations.parse(m.group(3));
      Duration duration = m.group(4) == null ? null : SimDurations.parse(m.group(4));
      return new FaultSpec(kind, m.group(2), offset, duration);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad fault spec '" + spec + "': " + e.getMessage(), e);
    }
  }

  /** Parses a comma- or whitespace-separated list of specs; blank gives an empty list. */
  public static List<FaultSpec> parseList(String text) {
    List<FaultSpec> specs = new ArrayList<>();
    if (text == null) {
      return specs;
    }
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank()) {
        specs.add(parse(part));
      }
    }
    return specs;
  }

  /** The duration that applies: the spec's own, else the kind's default, else until the end. */
  public Optional<Duration> effectiveDuration() {
    return duration != null ? Optional.of(duration) : kind.defaultDuration();
  }

  /** The canonical spec text, which {@link #parse} reads back to an equal spec. */
  @Override
  public String toString() {
    return kind.label() + ":" + siteId + "@" + SimDurations.format(offset)
        + (duration == null ? "" : "+" + SimDurations.format(duration));
  }
}
