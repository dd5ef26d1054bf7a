package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.SiteGroups;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * {@link SiteGroups} is Kafka's own hash (ADR-029): the partition it computes for a site is the
 * one Kafka's default partitioner gives a record keyed by the site id, and its group is the
 * top bits of the same hash.
 */
class SiteGroupsKafkaTest {
  @Test
  void thePartitionOfASiteIsTheDefaultPartitionersForItsKey() {
    for (int i = 0; i < 20_000; i++) {
      String site = (i % 3 == 0 ? "S" : i % 3 == 1 ? "KE-NBO-" : "site_") + i;
      byte[] key = site.getBytes(StandardCharsets.UTF_8);
      int positive = Utils.toPositive(Utils.murmur2(key));
      for (int partitions : new int[] {1, 2, 3, 4, 7}) {
        assertThat(SiteGroups.partition(site, partitions)).as(site)
            .isEqualTo(positive % partitions);
      }
      assertThat(SiteGroups.index(site)).as(site)
          .isEqualTo((int) (((long) positive * SiteGroups.COUNT) >>> 31));
    }
  }
}
