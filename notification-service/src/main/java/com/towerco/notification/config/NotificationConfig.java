package com.towerco.notification.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.towerco.platform.http.JsonErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.notification.domain.DeliveryPolicy;
import com.towerco.notification.domain.TenantRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The routing config file (YAML or JSON; the format is documented on
 * {@code NotificationServiceFactory}): the SMTP server, the delivery policy, the outbound
 * limits ({@link OutboundSettings}), and each tenant's routing, which must respect them. A tenant the file does not name, and that has set no routing through the API, gets
 * {@link TenantRouting#logOnly()}.
 */
public record NotificationConfig(
    SmtpSettings smtp,
    DeliveryPolicy delivery,
    OutboundSettings outbound,
    Map<String, TenantRouting> tenants) {

  public NotificationConfig {
    smtp = smtp == null ? SmtpSettings.defaults() : smtp;
    delivery = delivery == null ? DeliveryPolicy.defaults() : delivery;
    outbound = outbound == null ? OutboundSettings.defaults() : outbound;
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    for (Map.Entry<String, TenantRouting> tenant : tenants.entrySet()) {
      outbound.check(tenant.getKey(), tenant.getValue());
    }
  }

  /** Default outbound settings. */
  public NotificationConfig(SmtpSettings smtp, DeliveryPolicy delivery,
      Map<String, TenantRouting> tenants) {
    this(smtp, delivery, null, tenants);
  }

  /** No file: every tenant's alerts go to the log. */
  public static NotificationConfig empty() {
    return new NotificationConfig(null, null, null, null);
  }

  public TenantRouting routing(String tenant) {
    return tenants.getOrDefault(tenant, TenantRouting.logOnly());
  }

  /** Reads a {@code .yaml}/{@code .yml} or {@code .json} file; errors name what is wrong. */
  public static NotificationConfig load(Path file) {
    try {
      String text = Files.readString(file);
      String name = file.getFileName().toString().toLowerCase();
      JsonNode tree = name.endsWith(".yaml") || name.endsWith(".yml")
          ? NotificationJson.yaml().readTree(text) : NotificationJson.config().readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return empty();
      }
      return NotificationJson.config().treeToValue(tree, NotificationConfig.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("notification config " + file + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read notification config " + file, e);
    }
  }

  /** One tenant's routing from JSON, as the API receives and the settings topic carries it. */
  public static TenantRouting parseRouting(String json) {
    try {
      TenantRouting routing = NotificationJson.config().readValue(json, TenantRouting.class);
      if (routing == null) {
        throw new IllegalArgumentException("routing: empty document");
      }
      return routing;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("routing: " + JsonErrors.describe(e), e);
    }
  }

  public static String toJson(TenantRouting routing) {
    try {
      return NotificationJson.config().writeValueAsString(routing);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
