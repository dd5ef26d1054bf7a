package com.towerco.notification.delivery;

import com.towerco.notification.domain.DeliveryRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the notification to the service log (logger {@code towerco.notifications}). */
public final class LogSender implements ChannelSender {
  private static final Logger LOG = LoggerFactory.getLogger("towerco.notifications");

  @Override
  public SendResult send(DeliveryRequest request) {
    LOG.info("[{}] {} receiver={} alerts={} idempotency-key={}", request.tenant(),
        request.notification().title(), request.receiver().name(),
        request.notification().alerts().size(), request.idempotencyKey());
    return SendResult.ok(null);
  }
}
