package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The site-to-group function of ADR-029, with the vectors a third-party producer checks against. */
class SiteGroupsTest {
  @Test
  void testVectorsForProducersOutsideThisCodeBase() {
    assertThat(SiteGroups.murmur2("S0001".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(0x93be46f0);
    assertThat(SiteGroups.of("S0001")).isEqualTo("group-02");
    assertThat(SiteGroups.partition("S0001", 2)).isZero();
    assertThat(SiteGroups.of("S0002")).isEqualTo("group-04");
    assertThat(SiteGroups.of("S3")).isEqualTo("group-09");
    assertThat(SiteGroups.partition("S3", 2)).isOne();
    assertThat(SiteGroups.of("KE-NBO-00123")).isEqualTo("group-02");
    assertThat(TopicFamily.SITE_EVENTS.topic("S0001")).isEqualTo("towerco.sites.group-02.events");
  }

  @Test
  void theGroupTopicsAreSixteenTopicsOfTheSiteFamilyAndEverySiteGoesToOneOfThem() {
    assertThat(TopicFamily.SITE_EVENTS.topics()).hasSize(SiteGroups.COUNT)
        .first().isEqualTo("towerco.sites.group-00.events");
    assertThat(TopicFamily.SITE_EVENTS.topics()).last()
        .isEqualTo("towerco.sites.group-15.events");
    TopicFamily.SITE_EVENTS.topics().forEach(topic ->
        assertThat(TopicFamily.of(topic)).contains(TopicFamily.SITE_EVENTS));
    for (int i = 0; i < 1000; i++) {
      assertThat(TopicFamily.SITE_EVENTS.topics()).contains(TopicFamily.SITE_EVENTS.topic("X" + i));
    }
    assertThat(TopicFamily.SITE_EVENTS.template()).isEqualTo("towerco.sites.{site_group}.events");
  }

  @Test
  void aTopicNamedAfterOneSiteFromBeforeAdr029IsStillOfTheFamily() {
    assertThat(TopicFamily.of("towerco.sites.S0001.events")).contains(TopicFamily.SITE_EVENTS);
    assertThat(TopicFamily.SITE_EVENTS.pattern().matcher("towerco.sites.S0001.events").matches())
        .isTrue();
  }

  @Test
  void aFleetSpreadsOverEveryGroupAndEveryPartitionOfItsTopic() {
    Map<String, Integer> perPartition = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      String site = String.format("F%04d", i);
      perPartition.merge(SiteGroups.of(site) + "/" + SiteGroups.partition(site, 2), 1,
          Integer::sum);
    }
    // With the partition taken from the same low bits as the group, the even groups' sites
    // would all be in partition 0 and the odd groups' in partition 1: 16 partitions empty.
    assertThat(perPartition).hasSize(2 * SiteGroups.COUNT);
    assertThat(perPartition.values()).allSatisfy(n -> assertThat(n).isBetween(100, 220));
  }

  @Test
  void partitionsMustBePositive() {
    assertThatThrownBy(() -> SiteGroups.partition("S1", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
