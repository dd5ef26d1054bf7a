package com.towerco.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.Json;
import com.towerco.platform.metrics.PlatformMetrics;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server: {@code GET /health/live}, {@code GET /health/ready} (200 only when
 * every service in the process is ready), {@code GET /metrics} (Prometheus text) and the routes
 * the services contribute. JSON uses the same snake_case mapping as the events.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  public static WebServer start(int port, PlatformMetrics metrics, BooleanSupplier ready,
      Authenticator authenticator, List<HttpRoutes> contributions) {
    ObjectMapper mapper = Json.mapper();
    Javalin app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.startup.showJavalinBanner = false;
      config.jetty.port = port;
      config.routes.get("/health/live", ctx -> ctx.result("live"));
      config.routes.get("/health/ready", ctx -> {
        boolean ok = ready.getAsBoolean();
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .result(ok ? "ready" : "not ready");
      });
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
          .result(metrics.scrape()));
      config.routes.before(ctx -> {
        String path = ctx.path();
        if (!path.startsWith("/health") && !path.equals("/metrics")) {
          ctx.attribute(Caller.ATTRIBUTE, authenticator.authenticate(ctx));
        }
      });
      config.routes.exception(ApiException.class, (e, ctx) ->
          ctx.status(e.status()).json(Map.of("error", e.getMessage())));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
          ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", String.valueOf(e.getMessage()))));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error"));
      });
      contributions.forEach(c -> c.register(config.routes));
    });
    app.start();
    LOG.info("HTTP server on http://localhost:{}/", app.port());
    return new WebServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
