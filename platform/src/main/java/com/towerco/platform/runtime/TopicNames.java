package com.towerco.platform.runtime;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.TopicProvisioner;

/**
 * The topic of a site or tenant in a family, for topologies that choose their output topic per
 * record: created on first use in production ({@link #provisioning}), plain names in topology
 * tests ({@link #plain}).
 */
@FunctionalInterface
public interface TopicNames {
  String topic(TopicFamily family, String id);

  /** Names without creating anything (for TopologyTestDriver). */
  static TopicNames plain() {
    return TopicFamily::topic;
  }

  /** Names of topics created (and readied) on first use. */
  static TopicNames provisioning(TopicProvisioner topics) {
    return topics::ensure;
  }
}
