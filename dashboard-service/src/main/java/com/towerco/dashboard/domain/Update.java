package com.towerco.dashboard.domain;

import com.towerco.platform.access.Viewer;
/**
 * A change of the read model worth pushing to open pages. Each update decides who may see it
 * and renders itself for that viewer, so the live stream applies the same tenant scoping as
 * the JSON API.
 */
public sealed interface Update {
  /** The SSE event name. */
  String kind();

  boolean visibleTo(Viewer viewer);

  /** The message body for this viewer (only called when visible). */
  Object renderFor(Viewer viewer);

  /** A site's state or latest reading changed; {@code point} is absent for other changes. */
  record SiteChanged(SiteSnapshot site, TelemetryPoint point) implements Update {
    public String kind() {
      return "site";
    }

    public boolean visibleTo(Viewer viewer) {
      return site.visibleTo(viewer);
    }

    public Object renderFor(Viewer viewer) {
      return new SiteMessage(site.summaryFor(viewer),
          point == null ? null : point.visibleTo(viewer));
    }
  }

  /** An alert started firing, changed, or resolved. */
  record AlertChanged(AlertView alert) implements Update {
    public String kind() {
      return "alert";
    }

    public boolean visibleTo(Viewer viewer) {
      return alert.visibleTo(viewer);
    }

    public Object renderFor(Viewer viewer) {
      return alert.scopedTo(viewer);
    }
  }

  /** An incident changed; {@code step} is the timeline entry that changed it. */
  record IncidentChanged(IncidentSummary incident, TimelineEntry step, IncidentScope scope)
      implements Update {
    public String kind() {
      return "incident";
    }

    /** Only a step the viewer may see is pushed: an internal one changes nothing for it. */
    public boolean visibleTo(Viewer viewer) {
      return incident.visibleTo(viewer) && step.visibleTo(viewer, scope);
    }

    public Object renderFor(Viewer viewer) {
      return new IncidentMessage(incident.scopedTo(viewer, scope), step.scopedTo(viewer, scope));
    }
  }

  /** A KPI window was computed (or computed again). */
  record KpiChanged(KpiWindow window) implements Update {
    public String kind() {
      return "kpi";
    }

    public boolean visibleTo(Viewer viewer) {
      return window.visibleTo(viewer);
    }

    public Object renderFor(Viewer viewer) {
      return window;
    }
  }

  /** Body of a {@code site} message. */
  record SiteMessage(SiteSummary site, TelemetryPoint point) {}

  /** Body of an {@code incident} message. */
  record IncidentMessage(IncidentSummary incident, TimelineEntry step) {}
}
