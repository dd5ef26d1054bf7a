package com.towerco.ingest.domain;

import com.towerco.events.Envelope;
import com.towerco.events.RejectReason;

/** What the edge contract decided about one arrival: an event to publish, or a rejection. */
public sealed interface Outcome {

  /** A valid site event, ready for {@code towerco.sites.{site_id}.events}. */
  record Accepted(Envelope event) implements Outcome {}

  /**
   * Not an event this platform takes: why ({@code reason}, the dead-letter code) and what was
   * wrong, in words an integrator can act on. {@code siteId} is the site it claimed, if any.
   * {@code held} is, for a site not yet registered while the gateway holds such events for
   * onboarding, the envelope it would have published (otherwise null): it is released to the
   * site's topic when the site is registered.
   */
  record Rejected(RejectReason reason, String detail, String siteId, byte[] held)
      implements Outcome {
    public Rejected(RejectReason reason, String detail, String siteId) {
      this(reason, detail, siteId, null);
    }
  }
}
