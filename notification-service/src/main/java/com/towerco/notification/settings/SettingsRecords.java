package com.towerco.notification.settings;

import com.towerco.events.Envelope;
import com.towerco.events.payload.notification.RoutingChanged;
import com.towerco.events.payload.notification.SilenceCreated;
import com.towerco.events.payload.notification.SilenceExpired;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.domain.Matcher;
import com.towerco.notification.domain.Silence;
import com.towerco.notification.domain.TenantRouting;
import java.util.List;
import java.util.Optional;

/**
 * How routing and silences live on the compacted {@code towerco.notifications.settings}
 * topic: key {@code {tenant}/routing} holds the tenant's latest routing, key
 * {@code {tenant}/silence/{id}} the latest record of each silence (created, then perhaps
 * expired). Compaction keeps exactly the current settings, so reading the topic from the start
 * rebuilds them.
 */
public final class SettingsRecords {
  private SettingsRecords() {}

  public static String routingKey(String tenant) {
    return tenant + "/routing";
  }

  public static String silenceKey(String tenant, String silenceId) {
    return tenant + "/silence/" + silenceId;
  }

  public static String silencePrefix(String tenant) {
    return tenant + "/silence/";
  }

  /** The routing a {@code notification.routing-changed} event sets, if it is one. */
  public static Optional<TenantRouting> routing(Envelope event) {
    return event.payload() instanceof RoutingChanged changed
        ? Optional.of(NotificationConfig.parseRouting(changed.document())) : Optional.empty();
  }

  /** The silence a silence event describes, if it is one. */
  public static Optional<Silence> silence(Envelope event) {
    if (event.payload() instanceof SilenceCreated c) {
      return Optional.of(new Silence(c.silenceId(), event.tenantId(), matchers(c.matchers()),
          c.startsAt(), c.endsAt(), null, c.createdBy(), c.comment()));
    }
    if (event.payload() instanceof SilenceExpired e) {
      return Optional.of(new Silence(e.silenceId(), event.tenantId(), matchers(e.matchers()),
          e.startsAt(), e.endsAt(), e.expiredAt(), e.createdBy(), e.comment()));
    }
    return Optional.empty();
  }

  private static List<Matcher> matchers(List<String> texts) {
    return texts.stream().map(Matcher::parse).toList();
  }
}
