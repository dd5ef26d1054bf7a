package com.towerco.dashboard.http;

import com.towerco.dashboard.domain.FleetDigest;
import com.towerco.dashboard.domain.ReadQueries;
import com.towerco.dashboard.domain.UpdateLog;
import com.towerco.platform.access.Viewer;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;

/**
 * The live stream for summary views ({@code /api/v1/stream?view=fleet}): instead of every
 * update, one {@code fleet} message per interval with the latest state of each site that
 * changed in a way the fleet page draws (state, alerts), the incidents that changed, and the
 * fleet's counts by state, region and tenant, all cut to the viewer. A 5,000-site fleet sends
 * 500 readings a second; the page gets one message. It starts with {@code hello} (load
 * {@code /api/v1/fleet} then) and sends {@code reset} when it fell behind the replay buffer.
 */
final class FleetFeed {
  static final String VIEW = "fleet";

  private final UpdateLog log;
  private final ReadQueries queries;
  private final long intervalMillis;
  private final long keepAliveMillis;

  FleetFeed(UpdateLog log, ReadQueries queries, Duration interval, Duration keepAlive) {
    this.log = log;
    this.queries = queries;
    this.intervalMillis = interval.toMillis();
    this.keepAliveMillis = keepAlive.toMillis();
  }

  /** Streams until the client goes; {@code send(kind, body, seq)} writes one message. */
  void stream(SseClient client, Viewer viewer, Sender send) throws InterruptedException {
    FleetDigest digest = new FleetDigest(viewer);
    long cursor = log.lastSeq();
    send.send("hello", Map.of("seq", cursor), cursor);
    long quietSince = System.nanoTime();
    while (!client.terminated() && !log.isClosed()) {
      Thread.sleep(intervalMillis);
      boolean gap = false;
      UpdateLog.Batch batch;
      do {
        batch = log.after(cursor);
        if (batch.gap()) {
          gap = true;
          cursor = batch.lastSeq();
          break;
        }
        for (UpdateLog.Entry entry : batch.entries()) {
          digest.add(entry.update());
          cursor = entry.seq();
        }
      } while (!batch.entries().isEmpty() && cursor < batch.lastSeq());
      FleetDigest.Batch changes = digest.drain();
      if (gap) {
        send.send("reset", Map.of("seq", cursor,
            "reason", "updates since the last batch are no longer kept; reload"), cursor);
        quietSince = System.nanoTime();
      } else if (!changes.isEmpty()) {
        send.send("fleet", Map.of("seq", cursor, "sites", changes.sites(),
            "incidents", changes.incidents(), "summary", queries.fleetSummary(viewer, null)),
            cursor);
        quietSince = System.nanoTime();
      } else if ((System.nanoTime() - quietSince) / 1_000_000 >= keepAliveMillis) {
        client.sendComment("keep-alive");
        quietSince = System.nanoTime();
      }
    }
  }

  /** Writes one message to the stream. */
  @FunctionalInterface
  interface Sender {
    void send(String kind, Object body, long seq);
  }
}
