package com.towerco.platform.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication of the HTTP API by signed session tokens. A person logs in on {@code /login}
 * (or a program posts to {@code POST /api/v1/auth/login}) and gets a token, both in the body
 * and as an HttpOnly, SameSite=Strict cookie; the cookie is what lets the browser's
 * EventSource (which cannot send headers) open the live stream. Requests carry the token as
 * {@code Authorization: Bearer}, as the cookie, or send {@code Authorization: Basic} credentials
 * (for scripts). A cookie-authenticated change from another origin is refused.
 */
public final class TokenAuthenticator implements Authenticator, HttpRoutes {
  public static final String COOKIE = "towerco_session";
  public static final String LOGIN_PAGE = "/login";
  public static final String LOGIN = "/api/v1/auth/login";
  public static final String LOGOUT = "/api/v1/auth/logout";
  public static final String ME = "/api/v1/auth/me";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final UserDirectory users;
  private final SessionTokens tokens;
  private final LoginGuard guard;
  private final LoginPage page = new LoginPage();

  public TokenAuthenticator(UserDirectory users, SessionTokens tokens, LoginGuard guard) {
    this.users = users;
    this.tokens = tokens;
    this.guard = guard;
  }

  @Override
  public boolean isPublic(String method, String path) {
    return path.equals(LOGIN_PAGE) || path.startsWith(LoginPage.ASSETS)
        || (method.equals("POST") && (path.equals(LOGIN) || path.equals(LOGOUT)));
  }

  @Override
  public Caller authenticate(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      if (startsWithIgnoreCase(authorization, "Bearer ")) {
        return current(tokens.verify(authorization.substring(7).trim()))
            .orElseThrow(() -> unauthorized("the token is invalid or expired; log in again"));
      }
      if (startsWithIgnoreCase(authorization, "Basic ")) {
        return basic(authorization.substring(6).trim());
      }
      throw unauthorized("unsupported Authorization scheme; use Bearer or Basic");
    }
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && !cookie.isEmpty()) {
      Caller caller = current(tokens.verify(cookie))
          .orElseThrow(() -> unauthorized("the session has expired; log in again"));
      if (!SAFE_METHODS.contains(ctx.method().name()) && !sameOrigin(ctx)) {
        throw new ApiException(HttpStatus.FORBIDDEN, "cross-site request refused");
      }
      return caller;
    }
    throw unauthorized("authentication required: log in at " + LOGIN_PAGE);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(LOGIN, this::login);
    routes.post(LOGOUT, ctx -> {
      ctx.removeCookie(COOKIE, "/");
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.get(ME, ctx -> ctx.json(describe(Caller.of(ctx))));
    page.register(routes);
  }

  private void login(Context ctx) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(ctx.body());
    } catch (IOException e) {
      throw bad("the body must be JSON: {\"username\": \"...\", \"password\": \"...\"}");
    }
    if (body == null || !body.isObject() || !body.path("username").isTextual()
        || !body.path("password").isTextual() || body.size() != 2) {
      throw bad("the body must be {\"username\": \"...\", \"password\": \"...\"}");
    }
    String username = body.get("username").textValue();
    String password = body.get("password").textValue();
    if (username.isEmpty() || username.length() > 64 || password.length() > 1024) {
      throw bad("username must have 1..64 characters and password at most 1024");
    }
    guard.check(username);
    Optional<Caller> caller = users.verify(username, password.toCharArray());
    if (caller.isEmpty()) {
      guard.failed(username);
      throw unauthorized("wrong username or password");
    }
    guard.succeeded(username);
    SessionTokens.Issued issued = tokens.issue(caller.get());
    Cookie cookie = new Cookie(COOKIE, issued.token(), "/", (int) tokens.ttl().toSeconds(),
        secure(ctx), true, null, SameSite.STRICT);
    ctx.cookie(cookie);
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", issued.token());
    answer.put("token_type", "Bearer");
    answer.put("expires_at", issued.expiresAt().toString());
    answer.put("user", describe(caller.get()));
    ctx.json(answer);
  }

  /** A caller whose token is valid and whose account still exists as the token says. */
  private Optional<Caller> current(Optional<Caller> fromToken) {
    return fromToken.filter(c -> users.find(c.user()).map(UserAccount::caller)
        .filter(c::equals).isPresent());
  }

  private Caller basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw unauthorized("malformed Basic credentials");
    }
    String username = decoded.substring(0, colon);
    guard.check(username);
    Optional<Caller> caller = guard.cached(decoded)
        .or(() -> users.verify(username, decoded.substring(colon + 1).toCharArray()));
    if (caller.isEmpty()) {
      guard.failed(username);
      throw unauthorized("wrong username or password");
    }
    guard.remember(decoded, caller.get());
    return caller.get();
  }

  static Map<String, Object> describe(Caller caller) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", caller.user());
    user.put("role", caller.isOperator() ? "operator" : "tenant");
    caller.tenantId().ifPresent(t -> user.put("tenant_id", t));
    return user;
  }

  /** The Origin of a browser's request, when it sends one, must be this server. */
  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true; // not a browser's cross-site request: browsers send Origin on those
    }
    try {
      URI uri = URI.create(origin);
      String host = ctx.header("Host");
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(HttpStatus.UNAUTHORIZED, message);
  }

  private static ApiException bad(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }
}
