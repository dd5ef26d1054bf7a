package com.towerco.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicFamilyTest {
  private static List<String> examples() {
    List<String> topics = new ArrayList<>();
    for (TopicFamily family : TopicFamily.values()) {
      switch (family.scope()) {
        case GLOBAL -> topics.add(family.topic());
        case SITE -> {
          topics.addAll(family.topics());
          topics.add(family.topic("T00042"));
        }
        case TENANT -> {
          topics.add(family.topic("altel"));
          topics.add(family.topic("towerco"));
        }
      }
    }
    topics.addAll(List.of("towerco.sites.T00042.events", "towerco.sites..events",
        "towerco.incidents.a.b.lifecycle", "towerco.inventory-x", "other", "",
        "towerco.notifications.settings", "towerco.notifications.settings.deliveries"));
    return topics;
  }

  /** What {@link TopicFamily#of} answers, from the patterns alone (no memory). */
  private static Optional<TopicFamily> byPatterns(String topic) {
    List<TopicFamily> matching = new ArrayList<>();
    for (TopicFamily family : TopicFamily.values()) {
      if (family.pattern().matcher(topic).matches()) {
        matching.add(family);
      }
    }
    assertTrue(matching.size() <= 1, topic + " matches " + matching);
    return matching.stream().findFirst();
  }

  @Test
  void aTopicMatchesOneFamilyAtMostAndTheRememberedAnswerIsThePatterns() {
    for (String topic : examples()) {
      Optional<TopicFamily> expected = byPatterns(topic);
      assertEquals(expected, TopicFamily.of(topic), topic);
      // asked again (now remembered), and with a name equal but not the same string
      assertEquals(expected, TopicFamily.of(topic), topic);
      assertEquals(expected, TopicFamily.of(new String(topic.toCharArray())), topic);
    }
  }

  @Test
  void eachFamilysOwnTopicsAreOfThatFamily() {
    for (TopicFamily family : TopicFamily.values()) {
      String topic = switch (family.scope()) {
        case GLOBAL -> family.topic();
        case SITE -> family.topic("T00001");
        case TENANT -> family.topic("borealis");
      };
      assertSame(family, TopicFamily.of(topic).orElseThrow(), topic);
    }
  }

  @Test
  void pastTheBoundTopicsAreStillMatched() {
    for (int i = 0; i < TopicFamily.KNOWN_TOPICS_MAX + 10; i++) {
      String topic = "towerco.kpis.t" + i + ".metrics";
      assertSame(TopicFamily.KPI_METRICS, TopicFamily.of(topic).orElseThrow(), topic);
    }
    assertEquals(Optional.empty(), TopicFamily.of("towerco.kpis.t.x.metrics"));
    assertSame(TopicFamily.SITE_EVENTS, TopicFamily.of("towerco.sites.group-99.events")
        .orElseThrow());
  }
}
