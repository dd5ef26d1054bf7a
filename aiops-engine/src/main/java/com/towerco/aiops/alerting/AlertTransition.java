package com.towerco.aiops.alerting;

import java.time.Instant;

/** What a signal did to a site's alerts: started one firing, or ended one. */
public sealed interface AlertTransition {
  ActiveAlert alert();

  /** The alert started firing. */
  record Fired(ActiveAlert alert) implements AlertTransition {}

  /** The alert stopped firing at {@code endsAt}. */
  record Resolved(ActiveAlert alert, Instant endsAt) implements AlertTransition {}
}
