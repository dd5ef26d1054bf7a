package com.towerco.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {
  private final Map<String, String> labels = Map.of("severity", "major", "site", "S0001");

  @Test
  void matchesEqualityInequalityAndWholeValueRegularExpressions() {
    assertThat(Matcher.parse("severity=major").matches(labels)).isTrue();
    assertThat(Matcher.parse("severity!=major").matches(labels)).isFalse();
    assertThat(Matcher.parse("severity=~\"critical|major\"").matches(labels)).isTrue();
    assertThat(Matcher.parse("site=~S00").matches(labels)).as("anchored").isFalse();
    assertThat(Matcher.parse("site!~S00.*").matches(labels)).isFalse();
  }

  @Test
  void aMissingLabelCountsAsEmpty() {
    assertThat(Matcher.parse("hub=\"\"").matches(labels)).isTrue();
    assertThat(Matcher.parse("hub!=H1").matches(labels)).isTrue();
  }

  @Test
  void printsWhatItParses() {
    Matcher m = Matcher.parse("  severity =~ \"critical|major\" ");
    assertThat(Matcher.parse(m.toString())).isEqualTo(m);
  }

  @Test
  void rejectsWhatIsNotAMatcher() {
    assertThatThrownBy(() -> Matcher.parse("severity")).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> Matcher.parse("site=~(")).isInstanceOf(
        IllegalArgumentException.class);
  }
}
