package com.towerco.dashboard.http;

import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.RequestParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web page from the classpath: {@code /} is {@code public/index.html}, {@code /ui/*}
 * the page's scripts and styles, {@code /webjars/*} libraries packaged as WebJars (the charting
 * library), so the page needs no build step and no internet at run time. Paths are checked
 * before lookup; files are read once and cached.
 */
public final class StaticAssets {
  private static final Pattern SAFE_PATH =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
      "ico", "image/x-icon", "json", "application/json", "map", "application/json");

  private final ClassLoader loader = StaticAssets.class.getClassLoader();
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public void register(RoutesConfig routes) {
    routes.get("/", ctx -> serve(ctx, "public/index.html", false));
    routes.get("/ui/<path>", ctx -> serve(ctx, "public/" + checked(ctx), false));
    routes.get("/webjars/<path>", ctx ->
        serve(ctx, "META-INF/resources/webjars/" + checked(ctx), true));
  }

  private static String checked(Context ctx) {
    String path = ctx.pathParam("path");
    if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw RequestParams.bad("invalid asset path");
    }
    return path;
  }

  private void serve(Context ctx, String resource, boolean immutable) {
    String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
    byte[] bytes = type == null ? null : cache.get(resource);
    if (bytes == null && type != null) {
      // only files that exist are cached, so odd requests cannot grow the cache
      bytes = read(resource).orElse(null);
      if (bytes != null) {
        cache.put(resource, bytes);
      }
    }
    if (bytes == null) {
      throw ApiException.notFound("file");
    }
    ctx.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType(type).result(bytes);
  }

  private Optional<byte[]> read(String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
