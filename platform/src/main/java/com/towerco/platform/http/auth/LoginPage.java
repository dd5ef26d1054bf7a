package com.towerco.platform.http.auth;

import com.towerco.platform.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The browser's login page ({@code GET /login}) and its script and style, served from the
 * classpath without authentication. The page posts the credentials to the login API and, once
 * the session cookie is set, goes back to the page the person first asked for.
 */
final class LoginPage {
  static final String ASSETS = "/login/assets/";
  private static final String ROOT = "com/towerco/platform/http/auth/";
  private static final Map<String, String> FILES = Map.of(
      "login.js", "text/javascript; charset=utf-8", "login.css", "text/css; charset=utf-8");

  private final Map<String, byte[]> content = Map.of(
      "login.html", read("login.html"), "login.js", read("login.js"),
      "login.css", read("login.css"));

  void register(RoutesConfig routes) {
    routes.get(TokenAuthenticator.LOGIN_PAGE, ctx -> serve(ctx, "login.html",
        "text/html; charset=utf-8"));
    routes.get(ASSETS + "{file}", ctx -> {
      String file = ctx.pathParam("file");
      String type = FILES.get(file);
      if (type == null) {
        throw ApiException.notFound("file");
      }
      serve(ctx, file, type);
    });
  }

  private void serve(Context ctx, String file, String type) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(type).result(content.get(file));
  }

  private static byte[] read(String file) {
    try (InputStream in = LoginPage.class.getClassLoader().getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
