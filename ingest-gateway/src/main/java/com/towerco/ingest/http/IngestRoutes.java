package com.towerco.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.Json;
import com.towerco.events.RejectReason;
import com.towerco.ingest.domain.Arrival;
import com.towerco.ingest.domain.EdgeContract;
import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.ingest.domain.Outcome;
import com.towerco.ingest.domain.Protocol;
import com.towerco.ingest.kafka.SiteEventWriter;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.HttpRoutes;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/v1/ingest/events}: a gateway posts a batch of site events in the device
 * format, as a JSON array (or one object) or as NDJSON ({@code application/x-ndjson}), with its
 * API key ({@code Authorization: Bearer <key>} or {@code X-Api-Key}). Each item must name its
 * {@code site_id}, one the key is bound to. The answer comes once Kafka has every item and says,
 * per item in order, {@code accepted} (with its event id) or {@code rejected} with the reason and
 * detail (the item is in {@code towerco.dlq} too). Limits: {@code maxBodyBytes} per request (413),
 * {@code maxItems} per batch (413), {@code itemsPerSecond} per gateway (429 with Retry-After);
 * while the gateway is behind on Kafka the whole batch is refused with 503 and Retry-After, so
 * the sender retries it; repeating a batch is harmless (events are idempotent by event id).
 */
public final class IngestRoutes implements HttpRoutes {
  public static final String PATH = "/api/v1/ingest/events";
  static final String NDJSON = "application/x-ndjson";

  private final EdgeContract contract;
  private final SiteEventWriter writer;
  private final GatewayKeys keys;
  private final Limits limits;
  private final ObjectMapper mapper = Json.mapper();
  private final Map<String, RateLimiter> rates = new ConcurrentHashMap<>();

  /** The request limits. */
  public record Limits(int maxBodyBytes, int maxItems, int itemsPerSecond,
      Duration kafkaTimeout) {
    public static Limits defaults() {
      return new Limits(1_000_000, 1_000, 5_000, Duration.ofSeconds(30));
    }
  }

  public IngestRoutes(EdgeContract contract, SiteEventWriter writer, GatewayKeys keys,
      Limits limits) {
    this.contract = contract;
    this.writer = writer;
    this.keys = keys;
    this.limits = limits;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(PATH, this::ingest);
  }

  /** This route checks gateway API keys itself; user sessions do not apply to it. */
  @Override
  public boolean authenticatesItself(String method, String path) {
    return covers(method, path);
  }

  /** True for this route. */
  public static boolean covers(String method, String path) {
    return method.equals("POST") && path.equals(PATH);
  }

  /** Serves one request of this route. */
  public void ingest(Context ctx) throws InterruptedException {
    GatewayKeys.GatewayKey gateway = keys.find(presentedKey(ctx)).orElseThrow(() ->
        new ApiException(HttpStatus.UNAUTHORIZED, "a gateway API key is required "
            + "(Authorization: Bearer <key>)"));
    long declared = ctx.contentLength();
    if (declared > limits.maxBodyBytes()) {
      throw tooLarge("the body is " + declared + " bytes; the limit is " + limits.maxBodyBytes());
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > limits.maxBodyBytes()) {
      throw tooLarge("the body is " + body.length + " bytes; the limit is "
          + limits.maxBodyBytes());
    }
    List<byte[]> items = split(ctx, body);
    if (items.size() > limits.maxItems()) {
      throw tooLarge(items.size() + " items; a batch has at most " + limits.maxItems());
    }
    if (items.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "the batch has no items");
    }
    if (!rate(gateway.gatewayId()).acquirePermission(items.size())) {
      ctx.header("Retry-After", "1");
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "gateway " + gateway.gatewayId()
          + " sends more than " + limits.itemsPerSecond() + " items a second");
    }
    if (!writer.tryReserve(items.size(), 200)) {
      ctx.header("Retry-After", "1");
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
          "the gateway is behind on writing to Kafka; retry the batch later");
    }
    List<CompletableFuture<Outcome>> written = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Arrival arrival = new Arrival(Protocol.HTTP, gateway.gatewayId(),
          "http:" + gateway.gatewayId(), null, null, items.get(i));
      CompletableFuture<Outcome> write = writer.writeReserved(arrival, check(arrival, gateway));
      written.add(write);
      if (write.isCompletedExceptionally()) {
        // the producer could not even take it (no metadata from a broker within its max block
        // time): the rest would only wait as long again; give back their room and refuse
        writer.release(items.size() - i - 1);
        throw kafkaBehind(ctx);
      }
    }
    List<Map<String, Object>> results = new ArrayList<>(items.size());
    int accepted = 0;
    long deadline = System.nanoTime() + limits.kafkaTimeout().toNanos();
    for (int i = 0; i < written.size(); i++) {
      Outcome outcome;
      try {
        outcome = written.get(i).get(Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw kafkaBehind(ctx);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("index", i);
      if (outcome instanceof Outcome.Accepted a) {
        accepted++;
        result.put("status", "accepted");
        result.put("event_id", a.event().eventId());
      } else if (outcome instanceof Outcome.Rejected r) {
        result.put("status", "rejected");
        result.put("reason", r.reason().name());
        result.put("detail", r.detail());
        if (r.held() != null) {
          result.put("held", true);
        }
      }
      results.add(result);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accepted", accepted);
    answer.put("rejected", items.size() - accepted);
    answer.put("results", results);
    ctx.status(HttpStatus.OK).json(answer);
  }

  private Outcome check(Arrival arrival, GatewayKeys.GatewayKey gateway) {
    JsonNode item;
    try {
      item = mapper.readTree(arrival.raw());
    } catch (IOException e) {
      return contract.check(arrival);
    }
    JsonNode site = item == null ? null : item.get("site_id");
    if (site != null && site.isTextual() && !gateway.mayReport(site.asText())) {
      return new Outcome.Rejected(RejectReason.SITE_NOT_ALLOWED, "gateway "
          + gateway.gatewayId() + " may not report for site '" + site.asText() + "'",
          site.asText());
    }
    if (site == null && !gateway.anySite()) {
      return new Outcome.Rejected(RejectReason.MISSING_FIELD, "missing site_id", null);
    }
    return contract.check(arrival, item);
  }

  private List<byte[]> split(Context ctx, byte[] body) {
    String contentType = String.valueOf(ctx.contentType());
    List<byte[]> items = new ArrayList<>();
    if (contentType.startsWith(NDJSON)) {
      for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          items.add(line.strip().getBytes(StandardCharsets.UTF_8));
        }
      }
      return items;
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "the body is not JSON: "
          + e.getOriginalMessage() + " (send a JSON array, or NDJSON as " + NDJSON + ")");
    } catch (IOException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "the body cannot be read");
    }
    if (root == null || !(root.isArray() || root.isObject())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "the body must be a JSON array of events");
    }
    for (JsonNode item : root.isArray() ? root : List.of(root)) {
      try {
        items.add(mapper.writeValueAsBytes(item));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return items;
  }

  private RateLimiter rate(String gatewayId) {
    return rates.computeIfAbsent(gatewayId, id -> RateLimiter.of("ingest-" + id,
        RateLimiterConfig.custom().limitForPeriod(limits.itemsPerSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build()));
  }

  private static String presentedKey(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7);
    }
    return ctx.header("X-Api-Key");
  }

  private static ApiException kafkaBehind(Context ctx) {
    ctx.header("Retry-After", "5");
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
        "Kafka did not take the batch in time; retry it (items are idempotent)");
  }

  private static ApiException tooLarge(String why) {
    return new ApiException(HttpStatus.CONTENT_TOO_LARGE, why);
  }
}
