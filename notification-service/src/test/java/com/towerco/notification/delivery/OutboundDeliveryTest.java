package com.towerco.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.GroupedAlert;
import com.towerco.notification.domain.Notification;
import com.towerco.notification.domain.Receiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound calls against real HTTP servers on loopback addresses: internal destinations are
 * refused without being called (and the recorded error says so without naming an address),
 * an operator-allowed destination works, redirects are never followed, a name is checked on
 * the addresses the connection uses, and timeouts, body size and send rates are bounded.
 * Nothing here ever opens a connection beyond this machine: refused literals are refused
 * before any socket exists.
 */
class OutboundDeliveryTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final List<Server> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.http.stop(0));
  }

  @Test
  void refusesInternalDestinationsWithoutCallingThemAndRecordsWhy() throws Exception {
    Server loopback = server("127.0.0.1", ok());
    WebhookSender sender = sender(List.of(), DestinationGuard.system(List.of()));
    int port = loopback.port();

    for (String url : List.of("http://127.0.0.1:" + port + "/hook",
        "http://localhost:" + port + "/hook", "http://[::1]:" + port + "/hook",
        "http://0.0.0.0:" + port + "/hook", "http://10.1.2.3:" + port + "/hook",
        "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/",
        "http://100.64.0.1/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]:" + port + "/")) {
      SendResult result = sender.send(request(url));
      assertThat(result.delivered()).as(url).isFalse();
      assertThat(result.permanent()).as(url).isTrue();
      assertThat(result.error()).as(url).startsWith("refused:")
          .doesNotContain("127.0.0.1", "10.1.2.3", "169.254", "localhost");
    }
    assertThat(loopback.requests.get()).isZero();
  }

  @Test
  void deliversToADestinationTheOperatorAllowsByAddressOrByName() throws Exception {
    Server allowed = server("127.0.0.1", ok());
    String path = ":" + allowed.port() + "/hook";

    assertThat(sender(List.of("127.0.0.1/32"), null).send(request("http://127.0.0.1" + path))
        .delivered()).isTrue();
    assertThat(sender(List.of("localhost"), null).send(request("http://localhost" + path))
        .delivered()).isTrue();
    assertThat(allowed.requests.get()).isEqualTo(2);
  }

  @Test
  void neverFollowsARedirectToAnInternalAddress() throws Exception {
    Server inside = server("127.0.0.2", ok());
    Server redirecting = server("127.0.0.1", exchange -> {
      exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + inside.port() + "/");
      exchange.sendResponseHeaders(302, -1);
    });

    SendResult result = sender(List.of("127.0.0.1/32"), null)
        .send(request("http://127.0.0.1:" + redirecting.port() + "/hook"));

    assertThat(result.delivered()).isFalse();
    assertThat(result.permanent()).isTrue();
    assertThat(result.error()).isEqualTo("HTTP 302 from hook: redirects are not followed");
    assertThat(redirecting.requests.get()).isEqualTo(1);
    assertThat(inside.requests.get()).isZero();
  }

  @Test
  void checksANameOnTheAddressesItConnectsToSoItCannotBeReboundInBetween() throws Exception {
    Server allowed = server("127.0.0.1", ok());
    Server inside = server("127.0.0.2", ok());
    AtomicInteger lookups = new AtomicInteger();
    DestinationGuard rebinding = new DestinationGuard(List.of("127.0.0.1/32"), host ->
        new InetAddress[] {InetAddress.getByName(lookups.incrementAndGet() == 1
            ? "127.0.0.1" : "127.0.0.2")});

    SendResult first = sender(List.of(), rebinding)
        .send(request("http://hooks.tenant.test:" + allowed.port() + "/hook"));
    SendResult second = sender(List.of(), rebinding)
        .send(request("http://hooks.tenant.test:" + inside.port() + "/hook"));

    assertThat(first.delivered()).as("one lookup, checked, then used to connect").isTrue();
    assertThat(lookups.get()).isEqualTo(2);
    assertThat(second.error()).startsWith("refused:");
    assertThat(inside.requests.get()).isZero();
  }

  @Test
  void boundsTheWaitForAnAnswerAndTheBodyItReads() throws Exception {
    Server silent = server("127.0.0.1", exchange -> sleep(5_000));
    Server endless = server("127.0.0.1", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      try (OutputStream out = exchange.getResponseBody()) {
        while (System.nanoTime() < until) {
          out.write(chunk);
          out.flush();
          sleep(2);
        }
      } catch (IOException e) {
        // the client hung up, as it should
      }
    });
    WebhookSender sender = new WebhookSender(new OutboundHttp(
        DestinationGuard.system(List.of("127.0.0.1/32")), Duration.ofSeconds(1),
        Duration.ofMillis(500), 16 * 1024));

    long started = System.nanoTime();
    SendResult timedOut = sender.send(request("http://127.0.0.1:" + silent.port() + "/"));
    SendResult big = sender.send(request("http://127.0.0.1:" + endless.port() + "/"));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(timedOut.delivered()).isFalse();
    assertThat(timedOut.permanent()).isFalse();
    assertThat(timedOut.error()).isEqualTo("failed: no response within the request timeout");
    assertThat(big.delivered()).as("the status decides; the body is cut at the cap").isTrue();
    assertThat(tookMillis).as("neither waited for the server").isLessThan(4_000);
  }

  @Test
  void limitsEachTenantsSendsPerMinute() throws Exception {
    Server allowed = server("127.0.0.1", ok());
    ChannelSender limited = new TenantSendLimits(2).limit(sender(List.of("127.0.0.1/32"), null));
    String url = "http://127.0.0.1:" + allowed.port() + "/hook";

    List<SendResult> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(limited.send(request(url)));
    }
    SendResult otherTenant = limited.send(request(url, "other"));

    assertThat(results).extracting(SendResult::delivered).containsExactly(true, true, false);
    assertThat(results.get(2).error()).isEqualTo(TenantSendLimits.LIMITED);
    assertThat(results.get(2).permanent()).as("retried later").isFalse();
    assertThat(otherTenant.delivered()).isTrue();
    assertThat(allowed.requests.get()).isEqualTo(3);
  }

  @Test
  void recordsAtMostOneBoundedLineOfError() {
    assertThat(Outcomes.bounded("line one\r\nline two")).isEqualTo("line one  line two");
    assertThat(Outcomes.bounded("x".repeat(5_000))).hasSize(Outcomes.MAX_ERROR);
  }

  private WebhookSender sender(List<String> allow, DestinationGuard guard) {
    return new WebhookSender(new OutboundHttp(guard != null ? guard
        : DestinationGuard.system(allow), Duration.ofSeconds(2), Duration.ofSeconds(2),
        64 * 1024));
  }

  private Server server(String address, HttpHandler handler) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(address, 0), 10);
    Server server = new Server(http, new AtomicInteger());
    http.setExecutor(Executors.newFixedThreadPool(2));
    http.createContext("/", exchange -> {
      server.requests.incrementAndGet();
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        handler.handle(exchange);
      }
    });
    http.start();
    servers.add(server);
    return server;
  }

  private record Server(HttpServer http, AtomicInteger requests) {
    int port() {
      return http.getAddress().getPort();
    }
  }

  private static HttpHandler ok() {
    return exchange -> exchange.sendResponseHeaders(204, -1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DeliveryRequest request(String url) {
    return request(url, "mtn");
  }

  private static DeliveryRequest request(String url, String tenant) {
    GroupedAlert alert = new GroupedAlert("al-1", "site-unreachable|S1",
        GroupedAlert.Status.FIRING, "site-unreachable", AlertSeverity.MAJOR,
        "Site unreachable at S1", "S1", "north", "H1", Map.of("site", "S1"), T0, null, "e-1");
    Notification n = new Notification("n-1", tenant, Notification.Kind.ALERT_GROUP,
        Notification.Status.FIRING, "noc{hub=\"H1\"}", "noc", Map.of("hub", "H1"), 1,
        List.of(alert), 0, null, "e-1", T0);
    Receiver receiver = Receiver.webhook("hook", Receiver.Channel.WEBHOOK, url);
    return new DeliveryRequest(n.idempotencyKey("hook"), tenant, receiver, n, 1, false, false,
        T0);
  }
}
