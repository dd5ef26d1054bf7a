package com.towerco.incidents.stream;

import com.towerco.events.TopicFamily;

/**
 * A topic's family, remembered for the last topic asked about (ADR-073): the view feed hands
 * over records partition by partition, and a record's topic is the same {@code String} as its
 * partition's, so asking again for the same topic is one reference comparison instead of a
 * look-up in {@link TopicFamily#of}'s shared map. Safe to share: what is remembered is one
 * immutable pair, replaced whole.
 */
final class LastTopicFamily {
  private record Known(String topic, TopicFamily family) {}

  private volatile Known last = new Known(null, null);

  /** The topic's family, null if it has none. */
  TopicFamily of(String topic) {
    Known known = last;
    if (known.topic() != topic) {
      known = new Known(topic, TopicFamily.of(topic).orElse(null));
      last = known;
    }
    return known.family();
  }
}
