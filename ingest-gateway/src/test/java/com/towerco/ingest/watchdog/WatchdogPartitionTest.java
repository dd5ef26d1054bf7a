package com.towerco.ingest.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.SiteGroups;
import com.towerco.events.TopicFamily;
import com.towerco.platform.runtime.CaughtUp;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A site is judged on the partition its events go to, not on its whole group topic (ADR-029):
 * with two watchdog instances each reading one partition of a group topic, each judges the
 * sites of its own partition, and neither judges the other's.
 */
class WatchdogPartitionTest {
  private static final String S1 = "S1"; // group-02, partition 1 of 2
  private static final String S0001 = "S0001"; // group-02, partition 0 of 2

  @Test
  void eachInstanceJudgesTheSitesOfThePartitionItReads() {
    String topic = TopicFamily.SITE_EVENTS.topic(S1);
    assertThat(TopicFamily.SITE_EVENTS.topic(S0001)).isEqualTo(topic);
    CaughtUp readsPartition0 = reading(new TopicPartition(topic, 0));
    CaughtUp readsPartition1 = reading(new TopicPartition(topic, 1));

    assertThat(WatchdogHandler.readToEnd(readsPartition0, S0001)).isTrue();
    assertThat(WatchdogHandler.readToEnd(readsPartition0, S1)).isFalse();
    assertThat(WatchdogHandler.readToEnd(readsPartition1, S1)).isTrue();
    assertThat(WatchdogHandler.readToEnd(readsPartition1, S0001)).isFalse();
    assertThat(SiteGroups.partition(S1, 2)).isOne();
  }

  @Test
  void aSiteWhoseTopicThisConsumerDoesNotReadIsNotJudged() {
    CaughtUp readsAnotherGroup = reading(new TopicPartition("towerco.sites.group-15.events", 0));
    assertThat(WatchdogHandler.readToEnd(readsAnotherGroup, S1)).isFalse();
  }

  /** Caught up on exactly these partitions of two-partition topics. */
  private static CaughtUp reading(TopicPartition... partitions) {
    Set<TopicPartition> read = Set.of(partitions);
    return new CaughtUp() {
      @Override
      public boolean caughtUp(TopicPartition partition) {
        return read.contains(partition);
      }

      @Override
      public boolean caughtUp(String topic) {
        return read.stream().filter(tp -> tp.topic().equals(topic)).count() == 2;
      }

      @Override
      public int partitions(String topic) {
        return read.stream().anyMatch(tp -> tp.topic().equals(topic)) ? 2 : 0;
      }
    };
  }
}
