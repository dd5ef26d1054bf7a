package com.towerco.notification.stream;

import com.towerco.events.TopicFamily;

/** The topic of a tenant in a family, created on first use in production. */
@FunctionalInterface
public interface TopicNames {
  String topic(TopicFamily family, String tenant);

  /** Names without creating anything (for TopologyTestDriver). */
  static TopicNames plain() {
    return TopicFamily::topic;
  }
}
