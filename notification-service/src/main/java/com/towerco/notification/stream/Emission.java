package com.towerco.notification.stream;

/** What the notifier emits: bytes for a topic (a delivery request or an event). */
record Emission(String topic, byte[] value) {}
