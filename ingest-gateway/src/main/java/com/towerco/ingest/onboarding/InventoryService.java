package com.towerco.ingest.onboarding;

import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import io.javalin.config.RoutesConfig;
import com.towerco.platform.dlq.DeadLetterLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
  private final ExecutorService provisioning = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "inventory-provisioning");
    t.setDaemon(true);
    return t;
  });
  private final HeldArrivals held;
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
    sites.onChange(site -> provisioning.execute(() -> {
      provision(o, site);
      release(List.of(site.siteId()));
    }));
    List<String> known = new ArrayList<>();
    for (SiteDirectory.Site site : sites.all()) {
      provisioning.execute(() -> provision(o, site));
      known.add(site.siteId());
    }
    provisioning.execute(() -> release(known));
    onboarding = o;
  }

  /** Queues sites for release and releases every queued one in one pass (a burst: one pass). */
  private void release(List<String> siteIds) {
    if (held == null) {
      return;
    }
    toRelease.addAll(siteIds);
    List<String> batch = new ArrayList<>(toRelease);
    if (batch.isEmpty()) {
      return;
    }
    toRelease.removeAll(batch);
    try {
      int released = held.release(batch);
      if (released > 0) {
        LOG.info("released {} event(s) held for onboarding of {} site(s)", released,
            batch.size());
      }
    } catch (RuntimeException e) {
      toRelease.addAll(batch);
      LOG.warn("could not release events held for onboarding (retried at the next "
          + "registration): {}", e.getMessage());
    }
  }

  private static void provision(Onboarding o, SiteDirectory.Site site) {
    try {
      o.provision(site.siteId(), site.registration());
    } catch (RuntimeException e) {
      LOG.warn("could not provision the topics of site {}: {}", site.siteId(), e.getMessage());
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
