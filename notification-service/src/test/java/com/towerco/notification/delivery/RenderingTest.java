package com.towerco.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.GroupedAlert;
import com.towerco.notification.domain.Notification;
import com.towerco.notification.domain.Receiver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderingTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeliveryRequest request = request();

  @Test
  void theAlertmanagerBodyIsVersionFourWithTheKeyInItsAnnotations() throws Exception {
    JsonNode body = JSON.readTree(Rendering.alertmanager(request));
    assertThat(body.get("version").asText()).isEqualTo("4");
    assertThat(body.get("status").asText()).isEqualTo("firing");
    assertThat(body.get("groupLabels").get("hub").asText()).isEqualTo("H1");
    assertThat(body.get("commonAnnotations").get("idempotency_key").asText())
        .isEqualTo(request.idempotencyKey());
    JsonNode alert = body.get("alerts").get(0);
    assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("site-unreachable");
    assertThat(alert.get("startsAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(alert.get("fingerprint").asText()).isEqualTo("site-unreachable|S1");
  }

  @Test
  void theGenericBodyCarriesTheNotificationAndItsKey() throws Exception {
    JsonNode body = JSON.readTree(Rendering.generic(request));
    assertThat(body.get("idempotency_key").asText()).isEqualTo(request.idempotencyKey());
    assertThat(body.get("tenant_id").asText()).isEqualTo("mtn");
    assertThat(body.get("alerts").get(0).get("site_id").asText()).isEqualTo("S1");
    assertThat(body.get("kind").asText()).isEqualTo("alert_group");
  }

  @Test
  void theSlackMessageHasATitleAndTheKeyInItsFooter() throws Exception {
    JsonNode body = JSON.readTree(Rendering.slack(request));
    assertThat(body.get("text").asText()).startsWith("[FIRING:1] noc{hub=\"H1\"}");
    assertThat(body.get("attachments").get(0).get("footer").asText())
        .contains(request.idempotencyKey());
  }

  @Test
  void theMailNamesEachAlertAndTheKey() {
    assertThat(Rendering.subject(request)).isEqualTo(
        "[towerco mtn] [FIRING:1] noc{hub=\"H1\"} Site unreachable at S1");
    assertThat(Rendering.mailText(request)).contains("FIRING   MAJOR  Site unreachable at S1")
        .contains("Idempotency-Key: " + request.idempotencyKey());
  }

  private static DeliveryRequest request() {
    GroupedAlert alert = new GroupedAlert("al-1", "site-unreachable|S1",
        GroupedAlert.Status.FIRING, "site-unreachable", AlertSeverity.MAJOR,
        "Site unreachable at S1", "S1", "north", "H1",
        Map.of("alertname", "site-unreachable", "site", "S1", "tenant", "mtn"), T0, null, "e-1");
    Notification n = new Notification("n-1", "mtn", Notification.Kind.ALERT_GROUP,
        Notification.Status.FIRING, "noc{hub=\"H1\"}", "noc", Map.of("hub", "H1"), 1,
        List.of(alert), 0, null, "e-1", T0);
    Receiver receiver = Receiver.webhook("am", Receiver.Channel.ALERTMANAGER,
        "http://am.example/");
    return new DeliveryRequest(n.idempotencyKey("am"), "mtn", receiver, n, 1, false, false, T0);
  }
}
