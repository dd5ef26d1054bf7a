package com.towerco.app.http;

import com.towerco.platform.access.Visibility;
import com.towerco.platform.dlq.DeadLetter;
import com.towerco.platform.dlq.DeadLetterFilter;
import com.towerco.platform.dlq.DeadLetterJson;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.dlq.DeadLetterSummary;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/dlq/summary} (NOC only): what is in {@code towerco.dlq}, counted by reason
 * and by service, how many were re-driven, and the latest letter of each reason as a sample
 * (value cut to 2,000 characters). Dead letters hold any tenant's raw records, so tenants never
 * see this. The topic is read at most every {@link #FRESH} and the answer shared meanwhile.
 */
public final class DeadLetterApi implements HttpRoutes {
  public static final String PATH = "/api/v1/dlq/summary";
  static final Duration FRESH = Duration.ofSeconds(10);
  private static final int SAMPLE_VALUE_CHARS = 2_000;

  private final DeadLetterLog log;
  private final Clock clock;
  private Map<String, Object> last;
  private Instant lastAt = Instant.MIN;

  public DeadLetterApi(DeadLetterLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    Visibility.requireOperator(Caller.of(ctx).viewer());
    ctx.header("Cache-Control", "no-store");
    ctx.json(summary());
  }

  private synchronized Map<String, Object> summary() {
    Instant now = clock.instant();
    if (last != null && now.isBefore(lastAt.plus(FRESH))) {
      return last;
    }
    DeadLetterLog.Contents contents = log.read(DeadLetterFilter.ALL);
    DeadLetterSummary summary = DeadLetterSummary.of(contents);
    Map<String, Object> samples = new LinkedHashMap<>();
    for (Map.Entry<String, DeadLetter> sample : summary.latestByReason().entrySet()) {
      samples.put(sample.getKey(), DeadLetterJson.of(sample.getValue(),
          contents.redrives().get(sample.getValue().id()), SAMPLE_VALUE_CHARS));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("as_of", now.toString());
    body.put("total", summary.total());
    body.put("redriven", summary.redriven());
    body.put("by_reason", summary.byReason());
    body.put("by_service", summary.byService());
    body.put("samples", samples);
    last = body;
    lastAt = now;
    return body;
  }
}
