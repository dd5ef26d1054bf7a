package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One injection into the running simulation, with its ground truth as it unfolds: when it
 * really started and ended in event time, which sites and tenants it affected, which alarm
 * causes it produced, and every tenant outage it caused. Battery exhaustion has no end until
 * the battery has run out; it is then set to a quarter of an hour after the tenants went down.
 */
public final class Fault {
  /** Tenant DC below the SLA window from {@code startMillis} to {@code endMillis} (-1 = open). */
  public record Outage(String siteId, String tenantId, long startMillis, long endMillis) {}

  static final long OPEN = Long.MAX_VALUE;

  private final String id;
  private final FaultSpec spec;
  private final int siteIndex;
  private final long startMillis;
  private final double theftLph;
  private long endMillis;
  private boolean started;
  private boolean ended;
  private final Set<String> affectedSites = new LinkedHashSet<>();
  private final Set<String> affectedTenants = new LinkedHashSet<>();
  private final Set<ProbableCause> symptoms = new LinkedHashSet<>();
  private final List<Outage> outages = new ArrayList<>();
  private long firstSymptomMillis = -1;

  Fault(String id, FaultSpec spec, int siteIndex, long startMillis, long endMillis,
      double theftLph) {
    this.id = id;
    this.spec = spec;
    this.siteIndex = siteIndex;
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.theftLph = theftLph;
  }

  public String id() {
    return id;
  }

  /** The spec, its offset counted from the start of the simulation. */
  public FaultSpec spec() {
    return spec;
  }

  public FaultKind kind() {
    return spec.kind();
  }

  public String siteId() {
    return spec.siteId();
  }

  int siteIndex() {
    return siteIndex;
  }

  public long startMillis() {
    return startMillis;
  }

  /** End in event time, or {@link Long#MAX_VALUE} while open-ended. */
  public long endMillis() {
    return endMillis;
  }

  double theftLph() {
    return theftLph;
  }

  public boolean hasStarted() {
    return started;
  }

  public boolean hasEnded() {
    return ended;
  }

  void markStarted() {
    started = true;
  }

  void markEnded(long t) {
    ended = true;
    endMillis = t;
  }

  void setEnd(long t) {
    endMillis = t;
  }

  boolean isOpenEnded() {
    return endMillis == OPEN;
  }

  void affects(String siteId, String tenantId) {
    if (siteId != null) {
      affectedSites.add(siteId);
    }
    if (tenantId != null) {
      affectedTenants.add(tenantId);
    }
  }

  void symptom(ProbableCause cause, String siteId, long t) {
    symptoms.add(cause);
    affectedSites.add(siteId);
    if (firstSymptomMillis < 0) {
      firstSymptomMillis = t;
    }
  }

  void outage(Outage outage) {
    outages.add(outage);
  }

  public Set<String> affectedSites() {
    return Collections.unmodifiableSet(affectedSites);
  }

  public Set<String> affectedTenants() {
    return Collections.unmodifiableSet(affectedTenants);
  }

  /** The probable causes of the alarms it caused, in the order they first appeared. */
  public Set<ProbableCause> symptoms() {
    return Collections.unmodifiableSet(symptoms);
  }

  /** Tenant outages it caused that have ended. */
  public List<Outage> outages() {
    return Collections.unmodifiableList(outages);
  }

  /** Event time of the first alarm it caused, or -1 if it caused none (yet). */
  public long firstSymptomMillis() {
    return firstSymptomMillis;
  }
}
