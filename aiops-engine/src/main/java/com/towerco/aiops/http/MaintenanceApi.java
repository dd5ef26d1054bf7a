package com.towerco.aiops.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.towerco.aiops.visits.SiteVisits;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.Json;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.JsonErrors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The NOC's planned work under {@code /api/v1/aiops}: maintenance windows (a site, several, or a
 * hub and every site behind it) and scheduled visits. NOC only: a tenant login gets 403. Each is
 * published as an event on every site's own topic ({@code site.maintenance-window},
 * {@code site.visit-scheduled}), where the engine reads it in order with the site's alarms and
 * where it stays recorded.
 */
public final class MaintenanceApi implements HttpRoutes {
  public static final String BASE = "/api/v1/aiops";
  static final Duration MAX_WINDOW = Duration.ofDays(7);

  /** The sites the inventory knows. */
  public interface Fleet {
    boolean known(String siteId);

    List<String> behindHub(String hubSiteId);
  }

  private final Fleet fleet;
  private final Consumer<Envelope> publish;
  private final String operator;

  /** {@code publish} sends a site event to its site's topic and returns once it is written. */
  public MaintenanceApi(Fleet fleet, Consumer<Envelope> publish, String operator) {
    this.fleet = fleet;
    this.publish = publish;
    this.operator = operator;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(BASE + "/maintenance-windows", this::declareWindow);
    routes.post(BASE + "/visits", this::scheduleVisit);
  }

  /** A maintenance window: {@code sites} and/or {@code hub} (the hub and its sites). */
  public record NewWindow(List<String> sites, String hub, Instant from, Instant until,
      String reason) {}

  public record Window(String windowId, List<String> sites, Instant from, Instant until,
      String reason, String declaredBy) {}

  public record NewVisit(String siteId, Instant from, Instant until, String purpose) {}

  public record Visit(String visitId, String siteId, Instant from, Instant until,
      String purpose) {}

  private void declareWindow(Context ctx) {
    Caller caller = Caller.of(ctx);
    Visibility.requireOperator(caller.viewer());
    NewWindow body = read(ctx, NewWindow.class);
    span(body.from(), body.until());
    String reason = text("reason", body.reason(), 200);
    Set<String> sites = new LinkedHashSet<>(body.sites() == null ? List.of() : body.sites());
    if (body.hub() != null) {
      known(body.hub());
      sites.add(body.hub());
      sites.addAll(fleet.behindHub(body.hub()));
    }
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("name the sites, or a hub");
    }
    sites.forEach(this::known);
    String windowId = "mw-" + EventIds.random().substring(0, 12);
    for (String site : sites) {
      publish.accept(SiteVisits.maintenance(operator, site, windowId, body.from(), body.until(),
          reason, caller.user()));
    }
    respond(ctx, HttpStatus.CREATED, new Window(windowId, new ArrayList<>(sites), body.from(), body.until(), reason,
        caller.user()));
  }

  private void scheduleVisit(Context ctx) {
    Caller caller = Caller.of(ctx);
    Visibility.requireOperator(caller.viewer());
    NewVisit body = read(ctx, NewVisit.class);
    span(body.from(), body.until());
    String purpose = text("purpose", body.purpose(), 200);
    known(body.siteId());
    String visitId = "visit-" + EventIds.random().substring(0, 12);
    publish.accept(SiteVisits.visit(operator, body.siteId(), visitId, body.from(), body.until(),
        purpose + " (scheduled by " + caller.user() + ")"));
    respond(ctx, HttpStatus.CREATED, new Visit(visitId, body.siteId(), body.from(), body.until(), purpose));
  }

  private void known(String site) {
    if (site == null || !fleet.known(site)) {
      throw new IllegalArgumentException("unknown site " + site);
    }
  }

  private static void span(Instant from, Instant until) {
    if (from == null || until == null) {
      throw new IllegalArgumentException("from and until are required");
    }
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("until must be after from");
    }
    if (Duration.between(from, until).compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("a window lasts at most " + MAX_WINDOW.toDays()
          + " days");
    }
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " is longer than " + max + " characters");
    }
    return value;
  }

  static <T> T read(Context ctx, Class<T> type) {
    try {
      T value = Json.mapper().readValue(ctx.body(), type);
      if (value == null) {
        throw new IllegalArgumentException("a JSON body is required");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad request body: " + JsonErrors.describe(e));
    }
  }

  static void respond(Context ctx, HttpStatus status, Object body) {
    try {
      ctx.status(status).contentType("application/json")
          .result(Json.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
