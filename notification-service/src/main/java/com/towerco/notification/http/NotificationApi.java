package com.towerco.notification.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.payload.notification.RoutingChanged;
import com.towerco.events.payload.notification.SilenceCreated;
import com.towerco.events.payload.notification.SilenceExpired;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.Matcher;
import com.towerco.notification.domain.Silence;
import com.towerco.notification.domain.TenantRouting;
import com.towerco.notification.settings.SettingsRecords;
import com.towerco.notification.settings.SettingsView;
import com.towerco.notification.settings.SettingsWriter;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.JsonErrors;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification API under {@code /api/v1/notifications}: a tenant's routing (get, replace)
 * and silences (list, get, create, expire). Every call works on one tenant: a tenant user's
 * own, whatever it asks; a NOC operator's {@code ?tenant=} (default: the operator tenant).
 * Changes are events on the settings topic, so the notifier, every other instance and a
 * restart all see them; the answer comes once this instance's view has read the change.
 */
public final class NotificationApi implements HttpRoutes {
  public static final String BASE = "/api/v1/notifications";
  private static final Duration MAX_SILENCE = Duration.ofDays(90);

  private final SettingsView view;
  private final SettingsWriter writer;
  private final NotificationConfig config;
  private final String operatorTenant;
  private final Clock clock;

  public NotificationApi(SettingsView view, SettingsWriter writer, NotificationConfig config,
      String operatorTenant, Clock clock) {
    this.view = view;
    this.writer = writer;
    this.config = config;
    this.operatorTenant = operatorTenant;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(BASE + "/routing", this::getRouting);
    routes.put(BASE + "/routing", this::putRouting);
    routes.get(BASE + "/silences", this::listSilences);
    routes.post(BASE + "/silences", this::createSilence);
    routes.get(BASE + "/silences/{id}", this::getSilence);
    routes.delete(BASE + "/silences/{id}", this::expireSilence);
  }

  /** A silence as the API shows it. */
  public record SilenceView(String silenceId, String tenantId, List<Matcher> matchers,
      Instant startsAt, Instant endsAt, Instant expiredAt, String createdBy, String comment,
      Silence.State state) {}

  /** The body of a new silence: {@code ends_at} or {@code duration}; starts now by default. */
  public record NewSilence(String tenantId, List<String> matchers, Instant startsAt,
      Instant endsAt, Duration duration, String comment) {}

  private void getRouting(Context ctx) {
    String tenant = tenant(ctx, ctx.queryParam("tenant"));
    var entry = view.routing(tenant);
    String source = entry.isPresent() ? "api"
        : config.tenants().containsKey(tenant) ? "file" : "default";
    TenantRouting routing = entry.map(SettingsView.RoutingEntry::routing)
        .orElseGet(() -> config.routing(tenant));
    respond(ctx, HttpStatus.OK, Map.of("tenant_id", tenant, "source", source,
        "routing", routing));
  }

  private void putRouting(Context ctx) {
    Caller caller = Caller.of(ctx);
    String tenant = tenant(ctx, ctx.queryParam("tenant"));
    TenantRouting routing = NotificationConfig.parseRouting(ctx.body());
    config.outbound().check(tenant, routing);
    String document = NotificationConfig.toJson(routing);
    if (document.length() > 32_000) {
      throw new IllegalArgumentException("routing: the document is over 32000 characters");
    }
    Instant now = clock.instant();
    writer.write(SettingsRecords.routingKey(tenant), Envelope.of(EventIds.random(), tenant, "",
        now, new RoutingChanged(document, caller.user(), now), Map.of("producer",
            "notification-api")));
    respond(ctx, HttpStatus.OK, Map.of("tenant_id", tenant, "source", "api",
        "routing", routing));
  }

  private void listSilences(Context ctx) {
    String tenant = tenant(ctx, ctx.queryParam("tenant"));
    String state = ctx.queryParam("state");
    Instant now = clock.instant();
    List<SilenceView> silences = view.silences(tenant).stream().map(s -> view(s, now))
        .filter(s -> state == null || s.state().name().equalsIgnoreCase(state)).toList();
    respond(ctx, HttpStatus.OK, Map.of("tenant_id", tenant, "count", silences.size(),
        "silences", silences));
  }

  private void getSilence(Context ctx) {
    String tenant = tenant(ctx, ctx.queryParam("tenant"));
    respond(ctx, HttpStatus.OK, view(find(tenant, RequestParams.pathId(ctx, "id")),
        clock.instant()));
  }

  private void createSilence(Context ctx) {
    Caller caller = Caller.of(ctx);
    NewSilence body = read(ctx, NewSilence.class);
    String tenant = tenant(ctx, body.tenantId() != null ? body.tenantId()
        : ctx.queryParam("tenant"));
    Instant now = clock.instant();
    Instant starts = body.startsAt() != null ? body.startsAt() : now;
    Instant ends = body.endsAt() != null ? body.endsAt()
        : body.duration() != null ? starts.plus(body.duration()) : null;
    if (ends == null || !ends.isAfter(starts) || !ends.isAfter(now)) {
      throw new IllegalArgumentException("a silence needs ends_at (or duration) after its start "
          + "and in the future");
    }
    if (Duration.between(starts, ends).compareTo(MAX_SILENCE) > 0) {
      throw new IllegalArgumentException("a silence may last at most " + MAX_SILENCE.toDays()
          + " days");
    }
    List<String> matchers = body.matchers() == null ? List.of()
        : body.matchers().stream().map(m -> Matcher.parse(m).toString()).toList();
    String comment = body.comment() == null || body.comment().isBlank() ? "(no comment)"
        : body.comment();
    String id = EventIds.random();
    SilenceCreated created = new SilenceCreated(id, matchers, starts, ends, caller.user(),
        comment);
    writer.write(SettingsRecords.silenceKey(tenant, id), Envelope.of(EventIds.random(), tenant,
        "", now, created, Map.of("producer", "notification-api")));
    respond(ctx, HttpStatus.CREATED, view(find(tenant, id), now));
  }

  private void expireSilence(Context ctx) {
    Caller caller = Caller.of(ctx);
    String tenant = tenant(ctx, ctx.queryParam("tenant"));
    Silence silence = find(tenant, RequestParams.pathId(ctx, "id"));
    Instant now = clock.instant();
    if (silence.stateAt(now) != Silence.State.EXPIRED) {
      SilenceExpired expired = new SilenceExpired(silence.id(),
          silence.matchers().stream().map(Matcher::toString).toList(), silence.startsAt(),
          silence.endsAt(), silence.createdBy(), silence.comment(), now, caller.user());
      writer.write(SettingsRecords.silenceKey(tenant, silence.id()), Envelope.of(
          EventIds.random(), tenant, "", now, expired, Map.of("producer", "notification-api")));
    }
    respond(ctx, HttpStatus.OK, view(find(tenant, silence.id()), now));
  }

  /** The tenant a call works on; a tenant user may only name its own. */
  private String tenant(Context ctx, String requested) {
    Caller caller = Caller.of(ctx);
    if (requested != null) {
      RequestParams.id("tenant", requested);
    }
    return Visibility.tenantScope(caller.viewer(), Optional.ofNullable(requested))
        .orElse(operatorTenant);
  }

  private Silence find(String tenant, String id) {
    return view.silence(tenant, id).orElseThrow(() -> ApiException.notFound("silence " + id));
  }

  private static SilenceView view(Silence s, Instant now) {
    return new SilenceView(s.id(), s.tenant(), s.matchers(), s.startsAt(), s.endsAt(),
        s.expiredAt(), s.createdBy(), s.comment(), s.stateAt(now));
  }

  private static <T> T read(Context ctx, Class<T> type) {
    try {
      T value = NotificationJson.config().readValue(ctx.body(), type);
      if (value == null) {
        throw new IllegalArgumentException("a JSON body is required");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad request body: " + JsonErrors.describe(e));
    }
  }

  private static void respond(Context ctx, HttpStatus status, Object body) {
    try {
      ctx.status(status).contentType("application/json")
          .result(NotificationJson.config().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
