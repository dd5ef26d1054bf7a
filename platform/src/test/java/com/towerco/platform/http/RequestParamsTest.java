package com.towerco.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.platform.metrics.PlatformMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestParamsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Authenticator BY_HEADER = ctx -> ctx.header("X-Tenant") == null
      ? Caller.operator("noc") : Caller.tenant("user", ctx.header("X-Tenant"));
  private static PlatformMetrics metrics;
  private static WebServer web;

  @BeforeAll
  static void aServerWhoseRoutesReadTheirParametersThroughTheHelper() {
    metrics = new PlatformMetrics();
    HttpRoutes routes = r -> {
      r.get("/things/{id}", ctx -> {
        RequestParams q = RequestParams.strict(ctx, "tenant", "limit", "state");
        ctx.json(Map.of("id", RequestParams.pathId(ctx, "id"),
            "tenant", q.tenantFilter(Caller.of(ctx).viewer()).orElse("-"),
            "limit", q.limit(10, 100),
            "state", q.oneOf("state", new String[] {"open", "closed"}, s -> s).orElse("-")));
      });
      r.get("/lenient", ctx -> ctx.json(Map.of("limit", RequestParams.of(ctx).limit(5, 50))));
    };
    web = WebServer.start(0, metrics, () -> true, BY_HEADER, List.of(routes));
  }

  @AfterAll
  static void stop() {
    web.close();
    metrics.close();
  }

  @Test
  void acceptsEveryKindOfIdTheProjectMakesUnderOneRule() throws Exception {
    for (String id : List.of("S0001", "altel", "opt-grid-priority-S0003", "ref-S1-2026-11-03",
        "0b8f5a9e-4e3c-4d4e-9a39-5f0c0e6b1d2a", "alert.v2:7")) {
      HttpResponse<String> r = get("/things/" + id, null);
      assertThat(r.statusCode()).as(id).isEqualTo(200);
      assertThat(r.body()).contains("\"id\":\"" + id + "\"");
    }
    assertThat(get("/things/-leading-dash", null).body()).contains("id must match");
    assertThat(get("/things/" + "x".repeat(65), null).statusCode()).isEqualTo(400);
  }

  @Test
  void refusesUnknownRepeatedOrOutOfRangeParametersWithAReason() throws Exception {
    assertThat(get("/things/a?limit=7&state=open", null).body())
        .contains("\"limit\":7", "\"state\":\"open\"");
    assertThat(get("/things/a?nope=1", null).body())
        .contains("unknown query parameter 'nope'; allowed: limit, state, tenant");
    assertThat(get("/things/a?limit=1&limit=2", null).body()).contains("more than once");
    assertThat(get("/things/a?limit=0", null).body())
        .contains("limit must be a whole number from 1 to 100");
    assertThat(get("/things/a?state=gone", null).body())
        .contains("state must be one of open, closed");
    assertThat(get("/lenient?anything=1&limit=51", null).body())
        .contains("limit must be a whole number from 1 to 50");
  }

  @Test
  void aTenantMayFilterByItselfOnly() throws Exception {
    assertThat(get("/things/a?tenant=altel", "altel").body()).contains("\"tenant\":\"altel\"");
    HttpResponse<String> other = get("/things/a?tenant=kora", "altel");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).isEqualTo("{\"error\":\"tenant kora is not yours\"}");
    assertThat(get("/things/a?tenant=kora", null).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String path, String tenant) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + web.port() + path));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
