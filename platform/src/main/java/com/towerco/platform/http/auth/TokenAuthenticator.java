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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of the HTTP API by signed session tokens. A person logs in on {@code /login}
 * (or a program posts to {@code POST /api/v1/auth/login}) and gets a token, both in the body
 * and as an HttpOnly, SameSite=Strict cookie; the cookie is what lets the browser's
 * EventSource (which cannot send headers) open the live stream. Requests carry the token as
 * {@code Authorization: Bearer}, as the cookie, or send {@code Authorization: Basic} credentials
 * (for scripts). A cookie-authenticated change from another origin is refused. Logging out
 * ends every session of the user, on every process sharing the users file
 * ({@link SessionGenerations}); so does a new password or role in the users file.
 */
public final class TokenAuthenticator implements Authenticator, HttpRoutes {
  public static final String COOKIE = "towerco_session";
  public static final String LOGIN_PAGE = "/login";
  public static final String LOGIN = "/api/v1/auth/login";
  public static final String LOGOUT = "/api/v1/auth/logout";
  public static final String ME = "/api/v1/auth/me";
  private static final Logger AUDIT = LoggerFactory.getLogger("towerco.audit");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final UserDirectory users;
  private final SessionTokens tokens;
  private final LoginGuard guard;
  private final SessionGenerations generations;
  private final LoginPage page = new LoginPage();

  public TokenAuthenticator(UserDirectory users, SessionTokens tokens, LoginGuard guard,
      SessionGenerations generations) {
    this.users = users;
    this.tokens = tokens;
    this.guard = guard;
    this.generations = generations;
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
        return basic(authorization.substring(6).trim(), ctx.ip());
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
    routes.post(LOGOUT, this::logout);
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
    String address = ctx.ip();
    guard.check(username, address);
    Optional<UserAccount> account = users.verify(username, password.toCharArray());
    if (account.isEmpty()) {
      guard.failed(username, address);
      throw unauthorized("wrong username or password");
    }
    guard.succeeded(username, address);
    Optional<Caller> caller = account.map(UserAccount::caller);
    SessionTokens.Issued issued = tokens.issue(caller.get(), generations.current(username),
        account.get().fingerprint());
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

  /**
   * Ends every session of the user whose token comes with the request (header or cookie) and
   * clears the cookie; without a valid token it only clears the cookie.
   */
  private void logout(Context ctx) {
    String authorization = ctx.header("Authorization");
    String token = authorization != null && startsWithIgnoreCase(authorization, "Bearer ")
        ? authorization.substring(7).trim() : ctx.cookie(COOKIE);
    if (authorization == null && token != null && !sameOrigin(ctx)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "cross-site request refused");
    }
    Optional<Caller> caller = token == null || token.isEmpty() ? Optional.empty()
        : current(tokens.verify(token));
    caller.ifPresent(c -> {
      generations.revoke(c.user());
      AUDIT.info("logout: user '{}' from {}: every session of the user ended", c.user(),
          ctx.ip());
    });
    ctx.removeCookie(COOKIE, "/");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /**
   * The caller of a valid token whose account still exists as the token says (same role and
   * tenant, same password) and whose session generation was not ended by a logout.
   */
  private Optional<Caller> current(Optional<SessionTokens.Session> fromToken) {
    return fromToken.filter(s -> users.find(s.caller().user())
        .filter(a -> a.caller().equals(s.caller()) && a.fingerprint().equals(s.fingerprint()))
        .isPresent() && generations.current(s.caller().user()) == s.generation())
        .map(SessionTokens.Session::caller);
  }

  private Caller basic(String encoded, String address) {
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
    guard.check(username, address);
    String fingerprint = users.find(username).map(UserAccount::fingerprint).orElse("");
    Optional<Caller> caller = guard.cached(decoded, fingerprint)
        .or(() -> users.verify(username, decoded.substring(colon + 1).toCharArray())
            .map(UserAccount::caller));
    if (caller.isEmpty()) {
      guard.failed(username, address);
      throw unauthorized("wrong username or password");
    }
    guard.remember(decoded, caller.get(), fingerprint);
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
