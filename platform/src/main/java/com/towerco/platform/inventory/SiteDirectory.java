package com.towerco.platform.inventory;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteDecommissioned;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.SharedDecoder;
import com.towerco.platform.runtime.TableView;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet inventory as every service sees it: the compacted {@code towerco.inventory} topic
 * read from the beginning into memory and kept up to date (a {@link TableView}). Sites, their
 * region and hub, and their tenancies with SLA terms all come from events; nothing is
 * configured twice. A {@code site.decommissioned} removes the site.
 */
public final class SiteDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteDirectory.class);

  private final Map<String, Site> sites = new ConcurrentHashMap<>();
  private final List<Consumer<Site>> listeners = new CopyOnWriteArrayList<>();
  private final TableView view;

  /** A site as registered in the inventory. */
  public record Site(String siteId, SiteRegistered registration) {
    public String region() {
      return registration.region();
    }

    public Optional<String> hubSiteId() {
      return Optional.ofNullable(registration.hubSiteId());
    }

    public List<SiteRegistered.Tenancy> tenancies() {
      return registration.tenancies();
    }

    /** The first tenancy of {@code tenantId}; asked per reading, so a loop, not a stream. */
    public Optional<SiteRegistered.Tenancy> tenancy(String tenantId) {
      for (SiteRegistered.Tenancy t : tenancies()) {
        if (t.tenantId().equals(tenantId)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public SiteDirectory(KafkaClients clients, TopicProvisioner topics, SharedDecoder decoder) {
    this.view = new TableView(clients, topics, decoder, TopicFamily.INVENTORY,
        "inventory-view", (event, source) -> apply(event)).start();
  }

  /** Blocks until everything in the inventory at start-up has been read. */
  public boolean awaitLoaded(Duration timeout) {
    boolean loaded = view.awaitLoaded(timeout);
    if (loaded) {
      LOG.info("inventory loaded: {} sites", sites.size());
    }
    return loaded;
  }

  /** False once the view's reader stopped for good. */
  public boolean isLive() {
    return view.isLive();
  }

  public Optional<Site> site(String siteId) {
    return Optional.ofNullable(sites.get(siteId));
  }

  public Collection<Site> all() {
    return List.copyOf(sites.values());
  }

  /** Sites whose transmission goes through {@code hubSiteId}. */
  public List<Site> behindHub(String hubSiteId) {
    return sites.values().stream()
        .filter(s -> hubSiteId.equals(s.registration().hubSiteId())).toList();
  }

  /** Called for every site registered or changed from now on (and not for earlier ones). */
  public void onChange(Consumer<Site> listener) {
    listeners.add(listener);
  }

  private void apply(Envelope event) {
    if (event.payload() instanceof SiteRegistered registered) {
      Site site = new Site(event.siteId(), registered);
      sites.put(site.siteId(), site);
      listeners.forEach(l -> l.accept(site));
    } else if (event.payload() instanceof SiteDecommissioned) {
      sites.remove(event.siteId());
    }
  }

  @Override
  public void close() {
    view.close();
  }
}
