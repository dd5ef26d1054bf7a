package com.towerco.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The alert rules are valid Prometheus rules and behave as their unit tests say. */
class AlertRulesTest {
  @Test
  void rulesPassPromtoolsCheck() throws Exception {
    Promtool.Result result = Promtool.run(OpsFiles.PROMETHEUS, "check", "rules",
        OpsFiles.RULES.getFileName().toString());
    assertThat(result.ok()).as(result.output()).isTrue();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertFiresOnItsHistoryAndStaysQuietOnAHealthyOne() throws Exception {
    for (Path test : OpsFiles.list(OpsFiles.RULE_TESTS, ".yml")) {
      Promtool.Result result = Promtool.run(OpsFiles.RULE_TESTS, "test", "rules",
          test.getFileName().toString());
      assertThat(result.ok()).as(test + "\n" + result.output()).isTrue();
    }
  }

  @Test
  void everyAlertHasAUnitTest() throws Exception {
    String rules = Files.readString(OpsFiles.RULES);
    StringBuilder tests = new StringBuilder();
    for (Path test : OpsFiles.list(OpsFiles.RULE_TESTS, ".yml")) {
      tests.append(Files.readString(test));
    }
    var alerts = Pattern.compile("- alert: (\\w+)").matcher(rules).results()
        .map(m -> m.group(1)).toList();
    assertThat(alerts).hasSizeGreaterThan(10);
    for (String alert : alerts) {
      assertThat(tests.toString()).as("a promtool test of " + alert)
          .containsPattern("alertname: " + alert + "\\b");
    }
  }

  @Test
  void theExamplePrometheusConfigurationIsValid() throws Exception {
    Promtool.Result result = Promtool.run(OpsFiles.PROMETHEUS, "check", "config",
        "prometheus.yml");
    assertThat(result.ok()).as(result.output()).isTrue();
  }
}
