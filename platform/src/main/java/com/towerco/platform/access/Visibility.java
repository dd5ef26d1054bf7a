package com.towerco.platform.access;

import com.towerco.events.payload.incident.RankedCause;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one policy of what a {@link Viewer} may see; every API, the live stream, the exports and
 * the tenant copies of incident events ask it. The NOC sees everything. A tenant sees:
 * <ul>
 *   <li>data it owns: its tenancy KPIs, SLA, DC feeds, equipment alarms, notification routing,
 *       silences and deliveries ({@link #ownedBy});
 *   <li>a site that hosts one of its tenancies, with the site's own conditions
 *       ({@link #site});
 *   <li>alerts and incidents that name it among the affected tenants ({@link #concerns}), with
 *       other tenants' names removed ({@link #tenantNames}), only the sites it sees and only
 *       the alerts at those sites ({@link #alerts}, also in a cause's evidence);
 *   <li>of an incident's steps, those whose {@link Disclosure} includes it ({@link #allows}),
 *       and of its candidate causes those at sites it sees plus the headline ({@link #causes}).
 * </ul>
 * Nothing of the towerco's own operations ({@link #operatorOnly}): site-wide KPIs, internal
 * notes, refused commands, optimizations, refuels, the simulator, platform health.
 */
public final class Visibility {
  private Visibility() {}

  /** A tenant's own data. */
  public static boolean ownedBy(Viewer viewer, String tenant) {
    return viewer.seesAll() || tenant != null && viewer.tenantId().get().equals(tenant);
  }

  /** Data about the tenants listed (an alert, an incident): the viewer must be one of them. */
  public static boolean concerns(Viewer viewer, Collection<String> tenants) {
    return viewer.seesAll() || tenants != null && tenants.contains(viewer.tenantId().get());
  }

  /** A site, given the tenants with a tenancy on it. */
  public static boolean site(Viewer viewer, Collection<String> tenantsAtSite) {
    return concerns(viewer, tenantsAtSite);
  }

  /** The towerco's internal data and operations. */
  public static boolean operatorOnly(Viewer viewer) {
    return viewer.seesAll();
  }

  /** The tenants of a list the viewer may know about (a tenant: at most itself). */
  public static List<String> tenantNames(Viewer viewer, List<String> tenants) {
    return viewer.seesAll() ? tenants
        : tenants.stream().filter(t -> ownedBy(viewer, t)).toList();
  }

  /** True if the viewer may see data so disclosed; {@code sitesSeen} says which sites it sees. */
  public static boolean allows(Viewer viewer, Disclosure disclosure,
      Predicate<String> sitesSeen) {
    if (viewer.seesAll()) {
      return true;
    }
    return switch (disclosure.kind()) {
      case INCIDENT -> true;
      case SITE -> sitesSeen.test(disclosure.subject());
      case TENANT -> ownedBy(viewer, disclosure.subject());
      case OPERATOR -> false;
    };
  }

  /** The candidate causes at sites the viewer sees (see {@link #causeVisible}). */
  public static List<RankedCause> causes(Viewer viewer, List<RankedCause> causes,
      String headlineSite, Predicate<String> sitesSeen) {
    if (viewer.seesAll() || causes == null) {
      return causes;
    }
    return causes.stream()
        .filter(c -> causeVisible(viewer, c.siteId(), headlineSite, sitesSeen)).toList();
  }

  /**
   * The candidate causes at sites the viewer sees (see {@link #causeVisible}), each with only
   * the evidence alerts the viewer may know of ({@link #alertVisible}).
   */
  public static List<RankedCause> causes(Viewer viewer, List<RankedCause> causes,
      String headlineSite, Predicate<String> sitesSeen, Predicate<String> alertsSeen) {
    List<RankedCause> shown = causes(viewer, causes, headlineSite, sitesSeen);
    if (viewer.seesAll() || shown == null) {
      return shown;
    }
    return shown.stream().map(c -> new RankedCause(c.siteId(), c.kind(), c.description(),
        c.confidence(), c.path(), c.evidence().stream().filter(alertsSeen).toList())).toList();
  }

  /**
   * An alert grouped into an incident, at {@code alertSite} (null when its site is unknown):
   * shown to a tenant only at a site it sees. Another tenant's alert ids are not the viewer's
   * to know, even as bare ids.
   */
  public static boolean alertVisible(Viewer viewer, String alertSite,
      Predicate<String> sitesSeen) {
    return viewer.seesAll() || alertSite != null && sitesSeen.test(alertSite);
  }

  /** The alerts of {@code alertIds} the viewer may know of (see {@link #alertVisible}). */
  public static List<String> alerts(Viewer viewer, List<String> alertIds,
      Function<String, String> siteOfAlert, Predicate<String> sitesSeen) {
    if (viewer.seesAll() || alertIds == null) {
      return alertIds;
    }
    return alertIds.stream()
        .filter(a -> alertVisible(viewer, siteOfAlert.apply(a), sitesSeen)).toList();
  }

  /**
   * A candidate root cause at {@code causeSite}: shown if the viewer sees the site, or if it is
   * the incident's headline cause (its site is part of the story of the viewer's outage, as a
   * hub is; nothing else of that site is shown).
   */
  public static boolean causeVisible(Viewer viewer, String causeSite, String headlineSite,
      Predicate<String> sitesSeen) {
    return viewer.seesAll() || causeSite != null
        && (causeSite.equals(headlineSite) || sitesSeen.test(causeSite));
  }

  /**
   * The tenant a query is scoped to: a tenant user's own (refused if it named another), the
   * tenant an operator named, or none (an operator's whole-fleet view).
   */
  public static Optional<String> tenantScope(Viewer viewer, Optional<String> requested) {
    if (viewer.seesAll()) {
      return requested;
    }
    String own = viewer.tenantId().get();
    if (requested.isPresent() && !requested.get().equals(own)) {
      throw new AccessDenied("tenant " + requested.get() + " is not yours");
    }
    return Optional.of(own);
  }

  /** Refuses a tenant user: the towerco's own operations. */
  public static void requireOperator(Viewer viewer) {
    if (!operatorOnly(viewer)) {
      throw new AccessDenied("forbidden");
    }
  }

  /** Refuses a viewer that may not see {@code tenant}'s own data. */
  public static void requireOwnedBy(Viewer viewer, String tenant) {
    if (!ownedBy(viewer, tenant)) {
      throw new AccessDenied("tenant " + tenant + " is not yours");
    }
  }
}
