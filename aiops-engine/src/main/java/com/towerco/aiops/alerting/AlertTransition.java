package com.towerco.aiops.alerting;

import java.time.Instant;

/**
 * What a signal did to a site's alerts: started one firing, ended one, or (for correlation
 * only) let one go quiet while it waits out its flap hold-down, or brought a quiet one back.
 */
public sealed interface AlertTransition {
  ActiveAlert alert();

  /** The alert started firing. */
  record Fired(ActiveAlert alert) implements AlertTransition {}

  /** The alert stopped firing at {@code endsAt}. */
  record Resolved(ActiveAlert alert, Instant endsAt) implements AlertTransition {}

  /**
   * The last source let go at {@code since}: the alert still fires (it may flap back) but its
   * condition is gone. A problem whose alerts all went quiet within the settle time pages nobody.
   */
  record Quiet(ActiveAlert alert, Instant since) implements AlertTransition {}

  /** A quiet alert's condition came back at {@code at}, within the hold-down. */
  record Resumed(ActiveAlert alert, Instant at) implements AlertTransition {}
}
