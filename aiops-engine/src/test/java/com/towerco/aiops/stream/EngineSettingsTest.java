package com.towerco.aiops.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.AiopsEngineServiceFactory;
import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.platform.config.SettingsCatalog;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The correlation, threshold-rule and inhibition settings are declared, so towerco.yaml,
 * --set and config check know each key and refuse a bad value with the key's name.
 */
class EngineSettingsTest {
  private final SettingsCatalog catalog =
      new SettingsCatalog(new AiopsEngineServiceFactory().settings());

  @Test
  void everyRuleAndCorrelationKeyIsDeclared() {
    for (String rule : new String[] {"high-temperature", "battery-low", "fuel-low"}) {
      for (String part : new String[] {"on", "off", "persist", "persist-for", "extreme"}) {
        assertThat(catalog.find("aiops.rule." + rule + "." + part)).as(rule + "." + part)
            .isPresent();
      }
    }
    for (String key : new String[] {"aiops.rule.sensor-fault.cabinet-c-per-min",
        "aiops.inhibit", "aiops.settle", "aiops.hold-down", "aiops.hub-min-sites",
        "aiops.feeder-window", "aiops.region-window", "aiops.supplier-window",
        "aiops.similarity", "aiops.similarity-window"}) {
      assertThat(catalog.find(key)).as(key).isPresent();
    }
    assertThat(catalog.find("aiops.rule.door-open.on")).isEmpty();
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertThat(catalog.problems(Map.of(
        "aiops.rule.fuel-low.on", "1.5",
        "aiops.rule.battery-low.persist", "0",
        "aiops.inhibit", "mains-failure:no-such-rule",
        "aiops.similarity", "0",
        "aiops.feeder-window", "soon",
        "aiops.rule.high-temprature.on", "40")))
        .anySatisfy(p -> assertThat(p).startsWith("aiops.rule.fuel-low.on: 1.5 is out of range"))
        .anySatisfy(p -> assertThat(p).startsWith("aiops.rule.battery-low.persist: 0"))
        .anySatisfy(p -> assertThat(p).startsWith("aiops.inhibit: ").contains("no-such-rule"))
        .anySatisfy(p -> assertThat(p).startsWith("aiops.similarity: 0.0 must be above 0"))
        .anySatisfy(p -> assertThat(p).startsWith("aiops.feeder-window: 'soon'"))
        .anySatisfy(p -> assertThat(p).isEqualTo("unknown setting 'aiops.rule.high-temprature.on'"
            + " (did you mean 'aiops.rule.high-temperature.on'?)"))
        .hasSize(6);
  }

  @Test
  void theDefaultsAreThePoliciesDefaultsAndSettingsOverrideThem() {
    assertThat(CorrelationSettings.from(new ServiceSettings(Map.of())))
        .isEqualTo(CorrelationPolicy.defaults());
    CorrelationPolicy set = CorrelationSettings.from(new ServiceSettings(Map.of(
        "aiops.feeder-window", "5m", "aiops.similarity", "0.9")));
    assertThat(set.feederWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(set.similarity()).isEqualTo(0.9);

    var rules = RuleSettings.from(new ServiceSettings(Map.of("aiops.rule.fuel-low.on", "0.1",
        "aiops.inhibit", "")));
    assertThat(rules.threshold(AlertRule.FUEL_LOW).on()).isEqualTo(0.1);
    assertThat(rules.threshold(AlertRule.BATTERY_LOW))
        .isEqualTo(RulePolicies.defaults().threshold(AlertRule.BATTERY_LOW));
    SiteAlerts site = new SiteAlerts("S1", Duration.ofSeconds(60));
    site.apply(new Signal(AlertRule.MAINS_FAILURE, "", "telemetry", true, AlertSeverity.MAJOR,
        Instant.parse("2026-11-27T10:00:00Z"), "e0"));
    assertThat(RulePolicies.defaults().inhibition()
        .inhibitorOf(AlertRule.BATTERY_DISCHARGING, site.active()))
        .contains(AlertRule.MAINS_FAILURE);
    assertThat(rules.inhibition().inhibitorOf(AlertRule.BATTERY_DISCHARGING, site.active()))
        .as("aiops.inhibit empty: no inhibition").isEmpty();
  }
}
