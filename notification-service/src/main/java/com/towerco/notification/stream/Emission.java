package com.towerco.notification.stream;

import com.towerco.notification.domain.NotifierInput;

/** What a processor of the topology emits: input for the notifier, or a record to write. */
sealed interface Emission {
  /** A decoded input, keyed by tenant. */
  record ToNotifier(NotifierInput input) implements Emission {}

  /** Bytes for a topic: an event, a delivery request, or a dead letter (headers on the record). */
  record Outbound(String topic, byte[] value) implements Emission {}
}
