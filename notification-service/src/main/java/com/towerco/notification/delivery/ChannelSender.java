package com.towerco.notification.delivery;

import com.towerco.notification.domain.DeliveryRequest;

/** Sends one attempt over one channel; never throws, the result says what happened. */
@FunctionalInterface
public interface ChannelSender {
  SendResult send(DeliveryRequest request);
}
