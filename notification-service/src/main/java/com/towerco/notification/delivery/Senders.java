package com.towerco.notification.delivery;

import com.towerco.notification.config.OutboundSettings;
import com.towerco.notification.config.SmtpSettings;
import com.towerco.notification.domain.Receiver;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The sender of each channel. */
public final class Senders {
  private final Map<Receiver.Channel, ChannelSender> byChannel;

  public Senders(Map<Receiver.Channel, ChannelSender> byChannel) {
    this.byChannel = new EnumMap<>(byChannel);
  }

  /**
   * Webhooks over HTTP to the destinations {@code outbound} allows, e-mail over the given SMTP
   * server, both within each tenant's send limit; and the log.
   */
  public static Senders standard(SmtpSettings smtp, Duration requestTimeout,
      OutboundSettings outbound) {
    TenantSendLimits limits = new TenantSendLimits(outbound.tenantSendsPerMinute());
    ChannelSender webhooks = limits.limit(new WebhookSender(new OutboundHttp(
        DestinationGuard.system(outbound.allow()), outbound.connectTimeout(), requestTimeout,
        outbound.maxResponseBytes())));
    return new Senders(Map.of(
        Receiver.Channel.WEBHOOK, webhooks,
        Receiver.Channel.SLACK, webhooks,
        Receiver.Channel.ALERTMANAGER, webhooks,
        Receiver.Channel.EMAIL, limits.limit(new EmailSender(smtp)),
        Receiver.Channel.LOG, new LogSender()));
  }

  public ChannelSender forChannel(Receiver.Channel channel) {
    ChannelSender sender = byChannel.get(channel);
    if (sender == null) {
      throw new IllegalStateException("no sender for " + channel);
    }
    return sender;
  }
}
