package com.towerco.ingest.onboarding;

import com.towerco.events.RejectReason;
import com.towerco.ingest.IngestGatewayServiceFactory;
import com.towerco.ingest.kafka.SiteEventWriter;
import com.towerco.platform.dlq.DeadLetter;
import com.towerco.platform.dlq.DeadLetterFilter;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.dlq.Redriver;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Header;

/**
 * Events of sites that were not registered yet, held for onboarding: the gateway refused them
 * ({@code UNKNOWN_SITE} in {@code towerco.dlq}, with the raw message as sent) and kept the
 * envelope each would have been in a {@value SiteEventWriter#HELD_ENVELOPE} header. Once a site
 * is registered, {@link #release} publishes its held envelopes to the site's topic through the
 * dead-letter re-drive, so each is released at most once (a marker in {@code towerco.dlq} records
 * it, and {@code dlq list} shows it) and keeps the event id the gateway gave it.
 */
public final class HeldArrivals {
  private final DeadLetterLog log;

  public HeldArrivals(DeadLetterLog log) {
    this.log = log;
  }

  /** Publishes the held events of these sites; answers how many were released now. */
  public int release(Collection<String> siteIds) {
    if (siteIds.isEmpty()) {
      return 0;
    }
    Set<String> sites = Set.copyOf(siteIds);
    DeadLetterLog.Contents contents = log.read(new DeadLetterFilter(
        RejectReason.UNKNOWN_SITE.name(), IngestGatewayServiceFactory.NAME, null, null, null));
    List<DeadLetter> held = contents.letters().stream()
        .filter(l -> l.key() != null && sites.contains(l.key()))
        .filter(l -> l.headers().lastHeader(SiteEventWriter.HELD_ENVELOPE) != null)
        .filter(l -> !contents.redrives().containsKey(l.id()))
        .toList();
    if (held.isEmpty()) {
      return 0;
    }
    int released = 0;
    try (Redriver redriver = log.redriver()) {
      for (DeadLetter letter : held) {
        Header envelope = letter.headers().lastHeader(SiteEventWriter.HELD_ENVELOPE);
        if (redriver.redrive(letter, envelope.value()).sentNow()) {
          released++;
        }
      }
    }
    return released;
  }
}
