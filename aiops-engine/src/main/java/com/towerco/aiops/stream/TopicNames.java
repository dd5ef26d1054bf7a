package com.towerco.aiops.stream;

import com.towerco.events.TopicFamily;

/**
 * Resolves (and in production creates on first use) the topic of a tenant in a family. Topology
 * tests use plain names.
 */
@FunctionalInterface
public interface TopicNames {
  String topic(TopicFamily family, String id);

  static TopicNames plain() {
    return TopicFamily::topic;
  }
}
