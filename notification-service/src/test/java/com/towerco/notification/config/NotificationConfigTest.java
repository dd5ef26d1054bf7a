package com.towerco.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.notification.domain.Receiver;
import com.towerco.notification.domain.TenantRouting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationConfigTest {
  @TempDir
  Path dir;

  @Test
  void theExampleFileLoadsWithEveryTenantRoutingValid() throws Exception {
    Path example = Path.of("src/main/resources/notification-routing.example.yaml");
    NotificationConfig config = NotificationConfig.load(example);
    assertThat(config.tenants()).containsOnlyKeys("towerco", "mtn");
    assertThat(config.smtp().port()).isEqualTo(587);
    assertThat(config.delivery().maxBackoff()).isEqualTo(Duration.ofMinutes(5));
    TenantRouting noc = config.routing("towerco");
    assertThat(noc.routes()).extracting(r -> r.name())
        .containsExactly("transmission", "power-critical", "everything-else");
    assertThat(noc.routesFor(Map.of("chain", "transmission", "hub", "H1")))
        .extracting(r -> r.name()).containsExactly("transmission");
    assertThat(noc.escalations().get(0).levels()).hasSize(3);
    assertThat(config.routing("mtn").receiver("mtn-alertmanager")).get()
        .extracting(Receiver::type).isEqualTo(Receiver.Channel.ALERTMANAGER);
  }

  @Test
  void aTenantTheFileDoesNotNameGetsTheLogReceiver() {
    assertThat(NotificationConfig.empty().routing("airtel")).isEqualTo(TenantRouting.logOnly());
  }

  @Test
  void aTypoIsAnErrorThatSaysWhere() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "tenants:\n  mtn:\n    receivers: []\n    routs: []\n");
    assertThatThrownBy(() -> NotificationConfig.load(file))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routs");
  }

  @Test
  void aRouteNamingAnUnknownReceiverIsRejected() {
    assertThatThrownBy(() -> NotificationConfig.parseRouting(
        "{\"receivers\":[],\"routes\":[{\"receivers\":[\"nobody\"]}]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
  }

  @Test
  void routingSurvivesAJsonRoundTrip() {
    TenantRouting routing = NotificationConfig.load(
        Path.of("src/main/resources/notification-routing.example.yaml")).routing("towerco");
    assertThat(NotificationConfig.parseRouting(NotificationConfig.toJson(routing)))
        .isEqualTo(routing);
  }
}
