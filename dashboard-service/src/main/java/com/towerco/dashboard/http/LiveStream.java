package com.towerco.dashboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.towerco.dashboard.domain.ReadQueries;
import com.towerco.dashboard.domain.UpdateLog;
import com.towerco.events.Json;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.ConnectionLimit;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/stream}: server-sent events of the read model's changes ({@code site},
 * {@code alert}, {@code incident}, {@code kpi}), cut to the caller. Every message's id is its
 * update sequence number; a client reconnecting with {@code Last-Event-ID} (or
 * {@code ?last_event_id=}) is sent what it missed from the replay buffer. A fresh connection
 * starts with {@code hello}; a client too far behind (or from before a restart) gets
 * {@code reset} and should reload the state from the JSON API. Each stream holds a server
 * thread, so their number is capped per user and in total ({@link ConnectionLimit}: 429).
 * With {@code ?view=fleet} it sends one batched summary a second instead ({@link FleetFeed}).
 */
public final class LiveStream {
  public static final String PATH = DashboardApi.BASE + "/stream";
  private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

  private final UpdateLog log;
  private final long keepAliveMillis;
  private final ConnectionLimit limit;
  private static final String SLOT = "towerco.stream-slot";
  /** How often the fleet view's batch is sent. */
  public static final Duration FLEET_INTERVAL = Duration.ofSeconds(1);

  private final SseHandler sse = new SseHandler(this::serve);

  private final FleetFeed fleet;

  public LiveStream(UpdateLog log, ReadQueries queries, Duration keepAlive,
      ConnectionLimit limit) {
    this.log = log;
    this.keepAliveMillis = keepAlive.toMillis();
    this.limit = limit;
    this.fleet = new FleetFeed(log, queries, FLEET_INTERVAL, keepAlive);
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, ctx -> {
      String view = ctx.queryParam("view");
      if (view != null && !view.equals(FleetFeed.VIEW)) {
        throw RequestParams.bad("view must be " + FleetFeed.VIEW + " (or absent for every update)");
      }
      // the stream runs on Javalin's async pool after this returns: it frees its own place
      ConnectionLimit.Slot slot = limit.acquire(Caller.of(ctx).user());
      ctx.attribute(SLOT, slot);
      try {
        sse.handle(ctx);
      } catch (Exception | Error e) {
        slot.close();
        throw e;
      }
    });
  }

  private void serve(SseClient client) {
    ConnectionLimit.Slot slot = client.ctx().attribute(SLOT);
    try {
      stream(client);
    } finally {
      if (slot != null) {
        slot.close();
      }
    }
  }

  /** Streams open right now. */
  public int clients() {
    return limit.open();
  }

  private void stream(SseClient client) {
    Viewer viewer = Caller.of(client.ctx()).viewer();
    if (FleetFeed.VIEW.equals(client.ctx().queryParam("view"))) {
      try {
        fleet.stream(client, viewer, (kind, body, seq) -> send(client, kind, body, seq));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.debug("fleet stream ended: {}", e.toString());
      }
      return;
    }
    OptionalLong resume = resumePoint(client.ctx());
    long cursor;
    if (resume.isPresent()) {
      cursor = resume.getAsLong();
    } else {
      cursor = log.lastSeq();
      send(client, "hello", Map.of("seq", cursor), cursor);
    }
    try {
      while (!client.terminated() && !log.isClosed()) {
        UpdateLog.Batch batch = log.await(cursor, keepAliveMillis);
        if (batch.gap()) {
          cursor = batch.lastSeq();
          send(client, "reset", Map.of("seq", cursor,
              "reason", "updates since the given event id are no longer kept; reload"), cursor);
        } else if (batch.entries().isEmpty()) {
          client.sendComment("keep-alive");
        }
        for (UpdateLog.Entry entry : batch.entries()) {
          if (entry.update().visibleTo(viewer)) {
            send(client, entry.update().kind(), entry.update().renderFor(viewer), entry.seq());
          }
          cursor = entry.seq();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("live stream ended: {}", e.toString());
    }
  }

  private static void send(SseClient client, String kind, Object body, long seq) {
    try {
      client.sendEvent(kind, Json.mapper().writeValueAsString(body), Long.toString(seq));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sequence number to resume after; empty for a fresh start, -1 if unreadable. */
  private static OptionalLong resumePoint(Context ctx) {
    String id = ctx.header("Last-Event-ID");
    if (id == null || id.isBlank()) {
      id = ctx.queryParam("last_event_id");
    }
    if (id == null || id.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(id.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.of(-1); // never in the buffer: the client is told to reload
    }
  }
}
