package com.towerco.ingest.onboarding;

import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import io.javalin.config.RoutesConfig;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.dlq.DeadLetterLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboarding as a service: the NOC's inventory routes, and every ADR topic of every registered
 * site and its tenants provisioned as soon as the site is registered, whoever registered it
 * (the import, the API, the simulator). Runs as its own principal: creating tenants' topics is
 * not something the edge-facing gateway may do. When the gateway holds events of unknown sites
 * for onboarding ({@code ingest.hold-unknown-sites}), a registration also releases the site's
 * held events ({@link HeldArrivals}): registrations are gathered and released in one pass over
 * the dead-letter topic, and once at start for registrations made while it was down.
 */
public final class InventoryService implements PlatformService, HttpRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

  private final ServiceContext context;
  private final Clock clock;
  private final InventoryRoutes routes;
  /**
   * How long a first registration waits for others before its topics are created: a fleet
   * read or imported at once arrives within moments and is provisioned as one batch.
   */
  static final long GATHER_MILLIS = 500;

  private final ScheduledExecutorService provisioning =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inventory-provisioning");
        t.setDaemon(true);
        return t;
      });
  /** Sites registered but not provisioned yet, in order (guarded by itself). */
  private final Map<String, SiteDirectory.Site> pending = new LinkedHashMap<>();
  private final HeldArrivals held;
  /** Sites whose held events are still to be released (a failed release is retried). */
  private final Set<String> toRelease = ConcurrentHashMap.newKeySet();
  private volatile Onboarding onboarding;
  private ServiceContext.Outputs outputs;

  public InventoryService(ServiceContext context, Clock clock) {
    this(context, clock, false);
  }

  public InventoryService(ServiceContext context, Clock clock, boolean releaseHeld) {
    this.context = context;
    this.clock = clock;
    this.held = releaseHeld ? new HeldArrivals(new DeadLetterLog(context.clients(), clock))
        : null;
    this.routes = new InventoryRoutes(() -> onboarding);
  }

  @Override
  public String name() {
    return InventoryServiceFactory.NAME;
  }

  @Override
  public synchronized void start() {
    if (onboarding != null) {
      return;
    }
    outputs = context.outputs(name(), "");
    Onboarding o = new Onboarding(outputs.publisher(), context.topics(),
        context.config().operatorTenant(), clock);
    SiteDirectory sites = context.sites();
    sites.onChange(site -> queue(o, site));
    for (SiteDirectory.Site site : sites.all()) {
      queue(o, site);
    }
    onboarding = o;
  }

  /**
   * Queues a site for provisioning; one task provisions everything queued by then in a few
   * large calls (ADR-020): a thousand registrations read at once make a handful of topic
   * creations, not a thousand, each of which would make every pattern subscriber rebalance.
   * The same task then releases the batch's events held for onboarding, in one pass.
   */
  private void queue(Onboarding o, SiteDirectory.Site site) {
    synchronized (pending) {
      pending.put(site.siteId(), site);
      if (pending.size() > 1) {
        return; // a drain is already queued and will take this one too
      }
    }
    provisioning.schedule(() -> drain(o), GATHER_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void drain(Onboarding o) {
    Map<String, SiteDirectory.Site> batch;
    synchronized (pending) {
      batch = new LinkedHashMap<>(pending);
      pending.clear();
    }
    Map<String, SiteRegistered> sites = new LinkedHashMap<>();
    batch.forEach((id, site) -> sites.put(id, site.registration()));
    try {
      o.provisionAll(sites);
    } catch (RuntimeException e) {
      LOG.warn("could not provision the topics of {} site(s) ({}...): {}", sites.size(),
          sites.keySet().iterator().next(), e.getMessage());
    }
    release(sites.keySet());
  }

  /** Releases the held events of these sites and of any whose release failed before. */
  private void release(Set<String> siteIds) {
    if (held == null) {
      return;
    }
    toRelease.addAll(siteIds);
    List<String> batch = new ArrayList<>(toRelease);
    toRelease.removeAll(batch);
    try {
      int released = held.release(batch);
      if (released > 0) {
        LOG.info("released {} event(s) held for onboarding of {} site(s)", released,
            batch.size());
      }
    } catch (RuntimeException e) {
      toRelease.addAll(batch);
      LOG.warn("could not release events held for onboarding (retried with the next "
          + "registration): {}", e.getMessage());
    }
  }

  @Override
  public boolean isReady() {
    return onboarding != null;
  }

  /** False once the inventory view that drives provisioning stopped for good. */
  @Override
  public boolean isLive() {
    return onboarding == null || context.sites().isLive();
  }

  @Override
  public void register(RoutesConfig config) {
    routes.register(config);
  }

  @Override
  public synchronized void close() {
    provisioning.shutdownNow();
    if (outputs != null) {
      outputs.close();
    }
  }
}
