package com.towerco.aiops.detection.site;

import java.util.List;

/** A detector's new state after a reading, and what it found. */
public record Step<S>(S state, List<Finding> findings) {
  public Step {
    findings = List.copyOf(findings);
  }

  public static <S> Step<S> quiet(S state) {
    return new Step<>(state, List.of());
  }
}
