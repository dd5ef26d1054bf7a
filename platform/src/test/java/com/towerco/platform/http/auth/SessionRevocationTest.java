package com.towerco.platform.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Json;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.PlatformMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes' servers sharing one users file and one signing key, as instances behind a
 * load balancer do: a logout on one, or a new password in the file, ends the sessions on both.
 */
class SessionRevocationTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;
  private Path usersFile;
  private PlatformMetrics metrics;
  private WebServer one;
  private WebServer two;

  @BeforeEach
  void twoInstancesSharingTheUsersFileAndTheKey() {
    usersFile = dir.resolve("users.json");
    UserDirectory.write(usersFile, List.of(UserAccount.operator("noc", hash("noc-pw"))));
    metrics = new PlatformMetrics();
    one = start();
    two = start();
  }

  @AfterEach
  void stop() {
    one.close();
    two.close();
    metrics.close();
  }

  @Test
  void aLogoutEndsEverySessionOfTheUserOnEveryInstance() throws Exception {
    String first = login(one, "noc-pw");
    String second = login(two, "noc-pw");
    assertThat(whoami(two, first)).isEqualTo(200);
    assertThat(whoami(one, second)).isEqualTo(200);

    assertThat(send(one, "POST", "/api/v1/auth/logout", first).statusCode()).isEqualTo(204);
    assertThat(whoami(one, first)).isEqualTo(401);
    await().atMost(Duration.ofSeconds(5)).until(() -> whoami(two, second) == 401);
    assertThat(whoami(two, first)).isEqualTo(401);
    assertThat(whoami(two, login(two, "noc-pw"))).as("a new login works").isEqualTo(200);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        SessionGenerations.besideUsers(usersFile)))).isEqualTo("rw-------");
  }

  @Test
  void aNewPasswordInTheUsersFileEndsTheSessionsOpenedWithTheOldOne() throws Exception {
    String old = login(one, "noc-pw");
    String basicOld = java.util.Base64.getEncoder().encodeToString("noc:noc-pw".getBytes());
    assertThat(send(two, "GET", "/api/v1/whoami", null, "Basic " + basicOld).statusCode())
        .isEqualTo(200);
    Thread.sleep(10); // a new modification time
    UserDirectory.write(usersFile, List.of(UserAccount.operator("noc", hash("new-pw"))));

    await().atMost(Duration.ofSeconds(5)).until(() -> whoami(one, old) == 401
        && whoami(two, old) == 401);
    assertThat(send(two, "GET", "/api/v1/whoami", null, "Basic " + basicOld).statusCode())
        .as("remembered Basic credentials go with the old password").isEqualTo(401);
    assertThat(whoami(two, login(two, "new-pw"))).isEqualTo(200);
  }

  private WebServer start() {
    Clock clock = Clock.systemUTC();
    TokenAuthenticator auth = new TokenAuthenticator(UserDirectory.load(usersFile),
        new SessionTokens("0123456789abcdef0123456789abcdef".getBytes(), Duration.ofHours(1),
            clock), LoginGuard.defaults(clock),
        SessionGenerations.in(SessionGenerations.besideUsers(usersFile), clock));
    HttpRoutes whoami = routes -> routes.get("/api/v1/whoami",
        ctx -> ctx.json(Map.of("user", Caller.of(ctx).user())));
    return WebServer.start(0, metrics, () -> true, auth, List.of(whoami));
  }

  private static String login(WebServer server, String password) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(server,
        "/api/v1/auth/login")).POST(HttpRequest.BodyPublishers.ofString(
            "{\"username\":\"noc\",\"password\":\"" + password + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body()).get("token").asText();
  }

  private static int whoami(WebServer server, String token) throws Exception {
    return send(server, "GET", "/api/v1/whoami", token).statusCode();
  }

  private static HttpResponse<String> send(WebServer server, String method, String path,
      String token) throws Exception {
    return send(server, method, path, null, token == null ? null : "Bearer " + token);
  }

  private static HttpResponse<String> send(WebServer server, String method, String path,
      String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(WebServer server, String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  private static String hash(String password) {
    return PasswordHasher.hash(password.toCharArray(), 10_000);
  }
}
