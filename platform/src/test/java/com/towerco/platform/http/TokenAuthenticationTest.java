package com.towerco.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.http.auth.LoginGuard;
import com.towerco.platform.http.auth.PasswordHasher;
import com.towerco.platform.http.auth.SessionGenerations;
import com.towerco.platform.http.auth.SessionTokens;
import com.towerco.platform.http.auth.TokenAuthenticator;
import com.towerco.platform.http.auth.UserAccount;
import com.towerco.platform.http.auth.UserDirectory;
import com.towerco.platform.metrics.PlatformMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAuthenticationTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final UserDirectory USERS = new UserDirectory(List.of(
      UserAccount.operator("noc", PasswordHasher.hash("noc-pw".toCharArray(), 10_000)),
      UserAccount.tenant("altel-eng", "altel",
          PasswordHasher.hash("altel-pw".toCharArray(), 10_000))));
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  private static PlatformMetrics metrics;
  private static WebServer web;

  @BeforeAll
  static void startAServerWithOneProtectedRoute() {
    metrics = new PlatformMetrics();
    TokenAuthenticator auth = new TokenAuthenticator(USERS,
        new SessionTokens(KEY, Duration.ofHours(1), Clock.systemUTC()),
        LoginGuard.defaults(Clock.systemUTC()), SessionGenerations.inMemory());
    HttpRoutes whoami = routes -> {
      routes.get("/api/v1/whoami", ctx -> ctx.json(Map.of("user", Caller.of(ctx).user())));
      routes.post("/api/v1/whoami", ctx -> ctx.json(Map.of("user", Caller.of(ctx).user())));
      routes.get("/", ctx -> ctx.html("<p>page</p>"));
    };
    web = WebServer.start(0, metrics, () -> true, auth, List.of(whoami));
  }

  @AfterAll
  static void stop() {
    web.close();
    metrics.close();
  }

  @Test
  void logsInAndAcceptsTheTokenAsCookieOrBearer() throws Exception {
    HttpResponse<String> login = login("altel-eng", "altel-pw");
    assertThat(login.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(login.body());
    assertThat(body.at("/user/tenant_id").asText()).isEqualTo("altel");
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("towerco_session=").contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");

    String token = body.get("token").asText();
    assertThat(send(get("/api/v1/whoami").header("Authorization", "Bearer " + token)).body())
        .contains("altel-eng");
    assertThat(send(get("/api/v1/whoami").header("Cookie", "towerco_session=" + token)).body())
        .contains("altel-eng");
    assertThat(send(get("/api/v1/auth/me").header("Cookie", "towerco_session=" + token)).body())
        .contains("\"role\":\"tenant\"");
  }

  @Test
  void answersEveryWrongLoginTheSameWayAndNeverNamesWhatWasWrong() throws Exception {
    HttpResponse<String> wrongPassword = login("noc", "nope");
    HttpResponse<String> unknownUser = login("nobody", "nope");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknownUser.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).isEqualTo(unknownUser.body())
        .isEqualTo("{\"error\":\"wrong username or password\"}");
    HttpResponse<String> malformed = send(post("/api/v1/auth/login", "{\"username\": 1}"));
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void refusesRequestsWithoutAValidTokenAndSendsBrowsersToTheLoginPage() throws Exception {
    assertThat(send(get("/api/v1/whoami")).statusCode()).isEqualTo(401);
    assertThat(send(get("/api/v1/whoami")).headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"towerco\"");
    assertThat(send(get("/api/v1/whoami").header("Authorization", "Bearer abc.def.ghi"))
        .statusCode()).isEqualTo(401);
    assertThat(send(get("/no/such/page")).statusCode()).as("unknown paths reveal nothing")
        .isEqualTo(401);
    HttpResponse<String> page = send(get("/?x=1").header("Accept", "text/html"));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2F%3Fx%3D1");
    assertThat(send(get("/login")).body()).contains("<form id=\"login\"");
    assertThat(send(get("/health/ready")).statusCode()).isEqualTo(200);
    assertThat(send(get("/metrics")).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesTokensSignedWithAnotherKeyExpiredOrOfAUserNoLongerConfigured() throws Exception {
    Caller noc = Caller.operator("noc");
    String account = USERS.find("noc").orElseThrow().fingerprint();
    byte[] otherKey = "another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8);
    String forged = new SessionTokens(otherKey, Duration.ofHours(1), Clock.systemUTC())
        .issue(noc, 0, account).token();
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
    String expired = new SessionTokens(KEY, Duration.ofHours(1), past).issue(noc, 0, account)
        .token();
    SessionTokens tokens = new SessionTokens(KEY, Duration.ofHours(1), Clock.systemUTC());
    String gone = tokens.issue(Caller.operator("fired"), 0, account).token();
    String promoted = tokens.issue(Caller.operator("altel-eng"), 0,
        USERS.find("altel-eng").orElseThrow().fingerprint()).token();
    String oldPassword = tokens.issue(noc, 0, "an-older-account").token();
    assertThat(send(get("/api/v1/whoami").header("Authorization", "Bearer "
        + tokens.issue(noc, 0, account).token())).statusCode()).as("the control").isEqualTo(200);
    for (String token : List.of(forged, expired, gone, promoted, oldPassword)) {
      assertThat(send(get("/api/v1/whoami").header("Authorization", "Bearer " + token))
          .statusCode()).isEqualTo(401);
    }
  }

  @Test
  void refusesACookieAuthenticatedChangeSentFromAnotherSite() throws Exception {
    String token = Json.mapper().readTree(login("noc", "noc-pw").body()).get("token").asText();
    HttpRequest.Builder change = post("/api/v1/whoami", "{}")
        .header("Cookie", "towerco_session=" + token);
    assertThat(send(change.header("Origin", "https://evil.example")).statusCode())
        .isEqualTo(403);
    HttpRequest.Builder same = post("/api/v1/whoami", "{}")
        .header("Cookie", "towerco_session=" + token)
        .header("Origin", "http://localhost:" + web.port());
    assertThat(send(same).statusCode()).isEqualTo(200);
  }

  @Test
  void acceptsBasicCredentialsForScripts() throws Exception {
    String basic = Base64.getEncoder().encodeToString("noc:noc-pw".getBytes(StandardCharsets.UTF_8));
    assertThat(send(get("/api/v1/whoami").header("Authorization", "Basic " + basic)).body())
        .contains("\"user\":\"noc\"");
    String wrong = Base64.getEncoder().encodeToString("noc:x".getBytes(StandardCharsets.UTF_8));
    assertThat(send(get("/api/v1/whoami").header("Authorization", "Basic " + wrong))
        .statusCode()).isEqualTo(401);
  }

  @Test
  void refusesAnAddressAfterTooManyWrongPasswordsWithoutCheckingAnyMore() throws Exception {
    // the guard allows 3 failures per address in its window
    UserDirectory users = new UserDirectory(List.of(UserAccount.operator("victim",
        PasswordHasher.hash("right".toCharArray(), 10_000))));
    try (PlatformMetrics m = new PlatformMetrics();
        WebServer server = WebServer.start(0, m, () -> true, new TokenAuthenticator(users,
            new SessionTokens(KEY, Duration.ofHours(1), Clock.systemUTC()),
            new LoginGuard(new LoginGuard.Limits(3, 10, 3, Duration.ofMinutes(5)),
                Clock.systemUTC()), SessionGenerations.inMemory()), List.of())) {
      URI uri = URI.create("http://localhost:" + server.port() + "/api/v1/auth/login");
      for (int i = 0; i < 3; i++) {
        assertThat(HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
            .ofString("{\"username\":\"victim\",\"password\":\"guess" + i + "\"}")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      }
      assertThat(HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
          .ofString("{\"username\":\"victim\",\"password\":\"right\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void readsUsersFromTheFileAndRejectsAMalformedOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.json");
    UserDirectory.write(file, USERS.all());
    UserDirectory read = UserDirectory.load(file);
    assertThat(read.find("altel-eng").orElseThrow().tenantId()).hasValue("altel");
    assertThat(read.verify("noc", "noc-pw".toCharArray()).map(UserAccount::caller))
        .hasValue(Caller.operator("noc"));

    Files.writeString(file, "{\"users\":[{\"username\":\"x\",\"role\":\"tenant\","
        + "\"password_hash\":\"" + PasswordHasher.hash("p".toCharArray(), 10_000) + "\"}]}");
    assertThatThrownBy(() -> UserDirectory.load(file)).hasMessageContaining("tenant_id");
    Files.writeString(file, "{\"users\":[{\"username\":\"x\",\"role\":\"operator\","
        + "\"password\":\"plain\"}]}");
    assertThatThrownBy(() -> UserDirectory.load(file)).hasMessageContaining("unknown field");
  }

  private static HttpResponse<String> login(String user, String password) throws Exception {
    return send(post("/api/v1/auth/login",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"));
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path)).GET();
  }

  private static HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
