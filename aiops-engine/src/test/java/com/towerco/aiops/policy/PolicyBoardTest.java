package com.towerco.aiops.policy;

import static com.towerco.testing.SiteBuilder.aSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.events.payload.aiops.AlertPolicyChanged;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteRegistered;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The operator's overrides: the most specific scope that matches a site applies. */
class PolicyBoardTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final PolicyBoard board = new PolicyBoard();
  private final RulePolicies base = RulePolicies.defaults();

  @Test
  void theMostSpecificMatchingScopeWinsAndOthersKeepTheConfiguration() {
    board.apply(RuleOverride.of(change("c1", "fleet", null, 50, 47)));
    board.apply(RuleOverride.of(change("c2", "region", "north", 40, 37)));
    board.apply(RuleOverride.of(change("c3", "tenant", "altel", 35, 33)));
    SiteRegistered northAltel = aSite().inRegion("north").withTenant("altel").build();
    SiteRegistered northOther = aSite().inRegion("north").withTenant("borealis").build();
    SiteRegistered south = aSite().inRegion("south").withTenant("borealis").build();

    assertThat(board.forSite("A", northAltel, base).threshold(AlertRule.HIGH_TEMPERATURE).on())
        .isEqualTo(35);
    assertThat(board.forSite("B", northOther, base).threshold(AlertRule.HIGH_TEMPERATURE).on())
        .isEqualTo(40);
    assertThat(board.forSite("C", south, base).threshold(AlertRule.HIGH_TEMPERATURE).on())
        .isEqualTo(50);
    assertThat(board.forSite("C", south, base).severity(AlertRule.HIGH_TEMPERATURE))
        .isEqualTo(AlertSeverity.MINOR);
    assertThat(board.forSite("C", south, base).threshold(AlertRule.BATTERY_LOW))
        .isEqualTo(base.threshold(AlertRule.BATTERY_LOW));
  }

  @Test
  void aLaterChangeOfTheSameScopeReplacesTheEarlierOne() {
    board.apply(RuleOverride.of(change("c1", "region", "north", 40, 37)));
    SiteRegistered site = aSite().inRegion("north").build();
    assertThat(board.forSite("A", site, base).threshold(AlertRule.HIGH_TEMPERATURE).on())
        .isEqualTo(40);
    board.apply(RuleOverride.of(change("c2", "region", "north", 42, 39)));

    assertThat(board.forSite("A", site, base).threshold(AlertRule.HIGH_TEMPERATURE).on())
        .isEqualTo(42);
    assertThat(board.all()).hasSize(1);
    assertThat(board.applied("c2")).isTrue();
  }

  @Test
  void aChangeThatMakesNoSenseIsRefusedWithItsReason() {
    assertThatThrownBy(() -> RuleOverride.of(change("c", "region", null, 40, 37)))
        .hasMessageContaining("needs a scope_value");
    assertThatThrownBy(() -> RuleOverride.of(change("c", "fleet", null, 40, 41)))
        .hasMessageContaining("off must be below on");
    assertThatThrownBy(() -> RuleOverride.of(change("c", "planet", "x", 40, 37)))
        .hasMessageContaining("unknown scope");
    assertThatThrownBy(() -> RuleOverride.of(new AlertPolicyChanged("c", "battery-low", "fleet",
        null, 30, 25, 2, 30, 10, AlertSeverity.MAJOR, "noc", T0)))
        .hasMessageContaining("off must be above on");
  }

  private static AlertPolicyChanged change(String id, String scope, String value, double on,
      double off) {
    return new AlertPolicyChanged(id, "high-temperature", scope, value, on, off, 3, 60, 60,
        AlertSeverity.MINOR, "noc-jane", T0);
  }
}
