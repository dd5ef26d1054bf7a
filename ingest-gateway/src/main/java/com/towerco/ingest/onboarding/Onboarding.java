package com.towerco.ingest.onboarding;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteDecommissioned;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.ingest.domain.SiteSheet;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Puts sites into the fleet and takes them out: {@code site.registered} (a new site, or an
 * update: the latest wins on the compacted topic) and {@code site.decommissioned}, keyed by site
 * on {@code towerco.inventory}. Before a registration is published, every ADR topic of the site
 * and of its tenants (and the operator's) exists ({@link #provision}), so a consumer or an
 * operator looking for a tenant's alerts finds the topic on day one, not at the first alert.
 * The site topics are the fixed group topics (ADR-029): a new site finds its topic there, so
 * its registration creates no topic and makes no consumer group rebalance.
 */
public final class Onboarding {
  /** Tenant topics provisioned at registration: every tenant-scoped family but commands. */
  static final List<TopicFamily> TENANT_FAMILIES = List.of(TopicFamily.KPI_METRICS,
      TopicFamily.ALERT_NOTIFICATIONS, TopicFamily.INCIDENT_LIFECYCLE,
      TopicFamily.OPTIMIZATION_LIFECYCLE, TopicFamily.REFUEL_LIFECYCLE,
      TopicFamily.NOTIFICATION_DELIVERIES);

  private final EventPublisher publisher;
  private final TopicProvisioner topics;
  private final String operatorTenant;
  private final Clock clock;

  public Onboarding(EventPublisher publisher, TopicProvisioner topics, String operatorTenant,
      Clock clock) {
    this.publisher = publisher;
    this.topics = topics;
    this.operatorTenant = operatorTenant;
    this.clock = clock;
  }

  /** Registers (or updates) every row, after provisioning its topics; waits for Kafka. */
  public List<String> register(List<SiteSheet.Row> rows, String by) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<String> done = new ArrayList<>();
    Map<String, SiteRegistered> sites = new java.util.LinkedHashMap<>();
    rows.forEach(row -> sites.put(row.siteId(), row.site()));
    provisionAll(sites);
    for (SiteSheet.Row row : rows) {
      sent.add(publisher.publish(TopicFamily.INVENTORY, row.siteId(), Envelope.of(
          EventIds.random(), operatorTenant, row.siteId(), clock.instant(), row.site(),
          Map.of("source", "inventory-import", "by", by))));
      done.add(row.siteId());
    }
    await(sent);
    return done;
  }

  /** Takes a site out of the fleet. */
  public void decommission(String siteId, String reason, String by) {
    await(List.of(publisher.publish(TopicFamily.INVENTORY, siteId, Envelope.of(
        EventIds.random(), operatorTenant, siteId, clock.instant(),
        new SiteDecommissioned(reason), Map.of("source", "inventory-import", "by", by)))));
  }

  /** Ensures the site group topics and every tenant topic of its tenants and the operator. */
  public void provision(String siteId, SiteRegistered site) {
    provisionAll(Map.of(siteId, site));
  }

  /**
   * As {@link #provision} for many sites at once: every site group topic (created once, then
   * known to the provisioner: nothing per site), then each tenant family once for the union of
   * their tenants.
   */
  public void provisionAll(Map<String, SiteRegistered> sites) {
    topics.ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
    Set<String> tenants = new LinkedHashSet<>();
    tenants.add(operatorTenant);
    sites.values().forEach(site -> site.tenancies().forEach(t -> tenants.add(t.tenantId())));
    for (TopicFamily family : TENANT_FAMILIES) {
      topics.ensureAll(family, tenants.stream().map(family::topic).toList());
    }
  }

  private static void await(List<Future<RecordMetadata>> sent) {
    try {
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused an inventory record: "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
