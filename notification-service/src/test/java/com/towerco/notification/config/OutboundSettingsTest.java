package com.towerco.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundSettingsTest {
  @TempDir
  Path dir;

  @Test
  void refusesARouteThatWouldNotifyMoreOftenThanTheOperatorAllows() throws Exception {
    Path file = dir.resolve("routing.yaml");
    Files.writeString(file, """
        tenants:
          mtn:
            receivers: [{name: hook, type: webhook, url: "https://hooks.mtn.example/x"}]
            routes: [{name: chatty, receivers: [hook], group_interval: 2s}]
        """);

    assertThatThrownBy(() -> NotificationConfig.load(file))
        .hasMessageContaining("tenant mtn route chatty: group_interval PT2S is below the "
            + "minimum PT10S (outbound.min_group_interval)");
  }

  @Test
  void refusesARepeatIntervalBelowTheMinimumAndAcceptsWhatTheOperatorLowered() throws Exception {
    String routing = """
        {"receivers":[{"name":"hook","type":"webhook","url":"https://hooks.mtn.example/x"}],
         "routes":[{"name":"loud","receivers":["hook"],"repeat_interval":"30s"}]}""";

    assertThatThrownBy(() -> OutboundSettings.defaults().check("mtn",
        NotificationConfig.parseRouting(routing)))
        .hasMessageContaining("repeat_interval PT30S is below the minimum PT1M");
    new OutboundSettings(null, null, null, null, null, Duration.ofSeconds(30))
        .check("mtn", NotificationConfig.parseRouting(routing));
  }

  @Test
  void readsTheOperatorsOutboundSectionWithDefaultsForTheRest() throws Exception {
    Path file = dir.resolve("outbound.yaml");
    Files.writeString(file, """
        outbound: {allow: [10.20.0.0/16, alerts.noc.example], tenant_sends_per_minute: 30}
        """);

    OutboundSettings outbound = NotificationConfig.load(file).outbound();

    assertThat(outbound.allow()).containsExactly("10.20.0.0/16", "alerts.noc.example");
    assertThat(outbound.tenantSendsPerMinute()).isEqualTo(30);
    assertThat(outbound.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(outbound.maxResponseBytes()).isEqualTo(64 * 1024);
  }

  @Test
  void refusesHeadersThatWouldChangeHowTheRequestTravels() {
    for (String headers : new String[] {"{\"Host\":\"metadata\"}",
        "{\"X-Towerco-Attempt\":\"9\"}", "{\"X-Token\":\"a\\r\\nHost: evil\"}",
        "{\"Bad Name\":\"x\"}"}) {
      String routing = """
          {"receivers":[{"name":"hook","type":"webhook","url":"https://h.example/",
             "headers":%s}],"routes":[{"receivers":["hook"]}]}""".formatted(headers);
      assertThatThrownBy(() -> NotificationConfig.parseRouting(routing)).as(headers)
          .hasMessageContaining("receiver hook: header");
    }
    assertThat(NotificationConfig.parseRouting("""
        {"receivers":[{"name":"hook","type":"webhook","url":"https://h.example/",
           "headers":{"Authorization":"Bearer abc"}}],"routes":[{"receivers":["hook"]}]}""")
        .receiver("hook").orElseThrow().headers()).containsEntry("Authorization", "Bearer abc");
  }
}
