package com.towerco.ingest.watchdog;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.EventTypes;
import com.towerco.events.SiteGroups;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.ingest.domain.SilenceWatch;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.runtime.CaughtUp;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.SourceRecord;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Feeds every site event but connectivity into the {@link SilenceWatch} and publishes its
 * transitions as {@code site.connectivity} (unreachable / reachable, via the site's hub) on the
 * site's topic. Ids are derived from the site and the moment, so a replay publishes the same
 * events and consumers count them once. A site is judged silent only once the consumer is
 * {@link CaughtUp caught up} on the partition its events go to (its group topic's partition for
 * its key, ADR-029): while a backlog is read, a site whose reports are not read yet is not
 * silent, and a site whose partition another instance reads is not judged here. The site of a
 * report is the record's (its header or envelope), never the topic's: a group topic carries
 * many sites, and a topic named after one site (before ADR-029) is still read the same way.
 */
final class WatchdogHandler implements EventHandler {
  private static final String CONNECTIVITY = EventTypes.of(SiteConnectivity.class).name();

  private final SilenceWatch watch;
  private final SiteDirectory sites;
  private final EventPublisher publisher;
  private final String operatorTenant;

  WatchdogHandler(SilenceWatch watch, SiteDirectory sites, EventPublisher publisher,
      String operatorTenant) {
    this.watch = watch;
    this.sites = sites;
    this.publisher = publisher;
    this.operatorTenant = operatorTenant;
    sites.all().forEach(s -> watch.expect(s.siteId()));
    sites.onChange(s -> {
      synchronized (watch) {
        watch.expect(s.siteId());
      }
    });
  }

  /** The watchdog needs only a report's site and time: read from the headers, never decoded. */
  @Override
  public boolean handleUndecoded(EventHeaders.Attributes routing, SourceRecord source) {
    reported(routing.type(), routing.siteId(), routing.time());
    return true;
  }

  @Override
  public void handle(Envelope event, SourceRecord source) {
    reported(event.eventType(), event.siteId(), event.timestamp());
  }

  private void reported(String type, String siteId, java.time.Instant at) {
    if (type.equals(CONNECTIVITY)) {
      return;
    }
    synchronized (watch) {
      if (sites.site(siteId).isEmpty()) {
        watch.forget(siteId);
        return;
      }
      for (SilenceWatch.Transition t : watch.report(siteId, at)) {
        publish(t);
      }
    }
  }

  /** Judges silence only for sites whose partition the consumer has read to its end. */
  @Override
  public void afterBatch(CaughtUp caughtUp) {
    synchronized (watch) {
      for (SilenceWatch.Transition t : watch.check(site -> readToEnd(caughtUp, site))) {
        if (sites.site(t.siteId()).isPresent()) {
          publish(t);
        } else {
          watch.forget(t.siteId());
        }
      }
    }
  }

  /** Whether the partition {@code siteId}'s events go to is assigned here and caught up. */
  static boolean readToEnd(CaughtUp caughtUp, String siteId) {
    String topic = TopicFamily.SITE_EVENTS.topic(siteId);
    int partitions = caughtUp.partitions(topic);
    return partitions > 0 && caughtUp.caughtUp(
        new TopicPartition(topic, SiteGroups.partition(siteId, partitions)));
  }

  private void publish(SilenceWatch.Transition t) {
    String hub = sites.site(t.siteId()).flatMap(SiteDirectory.Site::hubSiteId).orElse(null);
    SiteConnectivity payload = new SiteConnectivity(t.lost()
        ? SiteConnectivity.ConnectivityState.UNREACHABLE
        : SiteConnectivity.ConnectivityState.REACHABLE, hub, t.reason());
    publisher.publish(TopicFamily.SITE_EVENTS, t.siteId(), t.siteId(), Envelope.of(
        EventIds.derived("watchdog", t.siteId(), t.lost() ? "lost" : "found",
            t.at().toString()), operatorTenant, t.siteId(), t.at(), payload,
        Map.of("source", "silent-site-watchdog")));
  }
}
