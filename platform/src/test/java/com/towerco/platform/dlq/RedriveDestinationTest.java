package com.towerco.platform.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.TopicFamily;
import org.junit.jupiter.api.Test;

/** Where a dead letter is re-driven to (ADR-029: site events go to their site's group topic). */
class RedriveDestinationTest {

  @Test
  void aSiteEventFromAPerSiteTopicGoesToItsSitesTopicAsNamedNow() {
    assertThat(Redriver.destination("towerco.sites.S0042.events", "S0042"))
        .isEqualTo(TopicFamily.SITE_EVENTS.topic("S0042"))
        .isNotEqualTo("towerco.sites.S0042.events");
  }

  @Test
  void aSiteEventFromAGroupTopicGoesBackToTheSameGroup() {
    String group = TopicFamily.SITE_EVENTS.topic("S0042");
    assertThat(Redriver.destination(group, "S0042")).isEqualTo(group);
  }

  @Test
  void aSiteEventWithoutAUsableKeyAndOtherFamiliesGoBackWhereTheyCameFrom() {
    assertThat(Redriver.destination("towerco.sites.S0042.events", null))
        .isEqualTo("towerco.sites.S0042.events");
    assertThat(Redriver.destination("towerco.sites.S0042.events", "not a site"))
        .isEqualTo("towerco.sites.S0042.events");
    assertThat(Redriver.destination("towerco.kpis.altel.metrics", "S0042"))
        .isEqualTo("towerco.kpis.altel.metrics");
    assertThat(Redriver.destination("towerco.inventory", "S0042")).isEqualTo("towerco.inventory");
  }
}
