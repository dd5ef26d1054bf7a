package com.towerco.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.Json;
import com.towerco.platform.access.AccessDenied;
import com.towerco.platform.metrics.PlatformMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server: {@code GET /health/live} (200 unless a service loop has stopped for
 * good), {@code GET /health/ready} (200 only when every service in the process is ready),
 * {@code GET /metrics} (Prometheus text) and the routes the services contribute. Every other path needs a caller from the {@link Authenticator}
 * (except what it declares public); a browser asking for a page without one is sent to
 * {@code /login}. JSON uses the same snake_case mapping as the events; errors are
 * {@code {"error": "..."}} with no stack trace.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String CSP = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
      + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  private static final int MAX_MESSAGE = 300;

  private final Javalin app;

  /** One registered endpoint: its method and path pattern (as {@code /api/v1/sites/{id}}). */
  public record Route(String method, String path) {}

  private WebServer(Javalin app) {
    this.app = app;
  }

  /** A server whose process is always live (tests and tools without service loops). */
  public static WebServer start(int port, PlatformMetrics metrics, BooleanSupplier ready,
      Authenticator authenticator, List<HttpRoutes> contributions) {
    return start(port, metrics, () -> true, ready, authenticator, contributions);
  }

  /**
   * {@code live} is false once a service loop of the process has stopped for good
   * ({@code /health/live} then answers 503, so an orchestrator restarts the process);
   * {@code ready} is false while any service cannot process.
   */
  public static WebServer start(int port, PlatformMetrics metrics, BooleanSupplier live,
      BooleanSupplier ready, Authenticator authenticator, List<HttpRoutes> contributions) {
    ObjectMapper mapper = Json.mapper();
    Javalin app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.startup.showJavalinBanner = false;
      config.jetty.port = port;
      config.routes.get("/health/live", ctx -> {
        boolean ok = live.getAsBoolean();
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .result(ok ? "live" : "not live");
      });
      config.routes.get("/health/ready", ctx -> {
        boolean ok = ready.getAsBoolean();
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .result(ok ? "ready" : "not ready");
      });
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
          .result(metrics.scrape()));
      config.routes.before(ctx -> {
        securityHeaders(ctx);
        String path = ctx.path();
        String method = ctx.method().name();
        if (!isOpen(path) && !authenticator.isPublic(method, path)
            && contributions.stream().noneMatch(c -> c.authenticatesItself(method, path))) {
          ctx.attribute(Caller.ATTRIBUTE, authenticator.authenticate(ctx));
        }
      });
      config.routes.exception(ApiException.class, WebServer::apiError);
      config.routes.exception(AccessDenied.class, (e, ctx) ->
          ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", safe(e.getMessage()))));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
          ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", safe(e.getMessage()))));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error"));
      });
      if (authenticator instanceof HttpRoutes login) {
        login.register(config.routes);
      }
      contributions.forEach(c -> c.register(config.routes));
    });
    app.start();
    LOG.info("HTTP server on http://localhost:{}/", app.port());
    return new WebServer(app);
  }

  /** Health and metrics are open to probes and scrapers; everything else is authenticated. */
  public static boolean isOpen(String path) {
    return path.equals("/health/live") || path.equals("/health/ready") || path.equals("/metrics");
  }

  public int port() {
    return app.port();
  }

  /** Every HTTP endpoint registered on this server, sorted by path then method. */
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    app.unsafe.internalRouter.allHttpHandlers().forEach(e -> {
      if (e.endpoint.method.isHttpMethod()) {
        routes.add(new Route(e.endpoint.method.name(), e.endpoint.path));
      }
    });
    routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
    return List.copyOf(routes);
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void apiError(ApiException e, Context ctx) {
    boolean page = ctx.method().name().equals("GET") && !ctx.path().startsWith("/api/v1/")
        && String.valueOf(ctx.header("Accept")).contains("text/html");
    if (e.status() == HttpStatus.UNAUTHORIZED && page) {
      String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
      ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
          HttpStatus.FOUND);
      return;
    }
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"towerco\"");
    }
    ctx.status(e.status()).json(Map.of("error", safe(e.getMessage())));
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CSP);
  }

  /** A message fit for a caller: one line, bounded. */
  static String safe(String message) {
    if (message == null || message.isBlank()) {
      return "bad request";
    }
    String line = message.replaceAll("[\\r\\n\\t]+", " ").trim();
    return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
  }
}
