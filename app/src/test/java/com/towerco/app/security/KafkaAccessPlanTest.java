package com.towerco.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.app.Services;
import com.towerco.events.TopicFamily;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.security.AclPlan;
import com.towerco.platform.security.AclTable;
import com.towerco.platform.security.KafkaAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ACL plan of the real services: every topic family has a writer and a reader, so a new
 * family or service cannot silently end up with no ACL, and the README shows the plan as it is.
 */
class KafkaAccessPlanTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String START = "<!-- acl-plan:start -->\n";
  private static final String END = "<!-- acl-plan:end -->";
  private static final List<KafkaAccess> SERVICES = Services.kafkaAccess(List.of());

  @Test
  void everyTopicFamilyIsWrittenAndReadBySomeService() {
    for (TopicFamily family : TopicFamily.values()) {
      // Every process writes its heartbeat as the process-level principal, not as a service.
      assertThat(SERVICES).as("a writer of " + family)
          .anyMatch(s -> s.writes().contains(family) || family == TopicFamily.DEAD_LETTER
              || family == TopicFamily.PLATFORM_HEALTH);
      assertThat(SERVICES).as("a reader of " + family)
          .anyMatch(s -> s.reads().contains(family) || family == TopicFamily.DEAD_LETTER);
    }
  }

  @Test
  void everyLaunchableServiceHasAPrincipal() {
    AclPlan plan = AclPlan.of(SERVICES, List.of(), PlatformConfig.DEFAULT_OPERATOR_TENANT);
    for (String name : Services.names()) {
      assertThat(plan.principals()).contains("service-" + name);
    }
  }

  /** Regenerate with {@code -Dacl.write=true} (or paste {@code towerco kafka-access plan}). */
  @Test
  void theReadmeTableIsThePlan() throws Exception {
    String table = AclTable.markdown(AclPlan.of(SERVICES, List.of(AclPlan.ANY_TENANT),
        PlatformConfig.DEFAULT_OPERATOR_TENANT));
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README has the acl-plan markers").isNotNegative();
    if (Boolean.getBoolean("acl.write")) {
      readme = readme.substring(0, start + START.length()) + table + readme.substring(end);
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    }
    assertThat(readme.substring(start + START.length(), readme.indexOf(END)))
        .as("README's principal table is out of date; run the test with -Dacl.write=true")
        .isEqualTo(table);
  }
}
