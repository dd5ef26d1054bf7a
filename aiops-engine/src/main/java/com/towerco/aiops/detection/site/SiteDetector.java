package com.towerco.aiops.detection.site;

/**
 * A detector for one problem of the causal model, as a pure function: given its state for a site
 * and the next reading, it returns the new state and its findings. The state is a small immutable
 * record (JSON-serialisable with the events' mapper), so it can live in a changelogged key-value
 * store keyed by site; no clock is read, event time comes with the reading.
 */
public interface SiteDetector<S> {
  /** The state of a site never seen. */
  S initial();

  Step<S> observe(S state, SiteReading reading);
}
