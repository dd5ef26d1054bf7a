package com.towerco.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.TopicFamily;
import com.towerco.platform.dlq.Redriver;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclPlanTest {
  private static final KafkaAccess ENGINE = KafkaAccess.of("engine")
      .reads(TopicFamily.SITE_EVENTS).writes(TopicFamily.ALERT_NOTIFICATIONS,
          TopicFamily.INCIDENT_COMMANDS).streamsApplication("towerco-engine");
  private static final KafkaAccess NOTIFIER = KafkaAccess.of("notifier")
      .reads(TopicFamily.INCIDENT_LIFECYCLE).writes(TopicFamily.NOTIFICATION_DELIVERIES)
      .ownsTopics("towerco.notifications.inbox").groups("towerco-notifier");
  private static final KafkaAccess STORE = KafkaAccess.of("store")
      .reads(TopicFamily.NOTIFICATION_DELIVERIES).groups("towerco-store");

  private static AclPlan plan(List<String> tenants) {
    return AclPlan.of(List.of(ENGINE, NOTIFIER, STORE), tenants, "towerco");
  }

  @Test
  void grantsAPerTenantFamilyByPrefixAndACommandFamilyOnlyOnTheOperatorsTopic() {
    List<AclBinding> engine = plan(List.of()).byPrincipal().get("service-engine");

    assertThat(engine).anyMatch(b -> is(b, "towerco.sites.", PatternType.PREFIXED,
        AclOperation.READ, AclPermissionType.ALLOW));
    assertThat(engine).anyMatch(b -> is(b, "towerco.alerts.", PatternType.PREFIXED,
        AclOperation.CREATE, AclPermissionType.ALLOW));
    assertThat(engine).anyMatch(b -> is(b, "towerco.incidents.towerco.commands",
        PatternType.LITERAL, AclOperation.WRITE, AclPermissionType.ALLOW));
    assertThat(engine).as("the engine never writes an incident lifecycle")
        .noneMatch(b -> b.pattern().name().equals("towerco.incidents.")
            && b.entry().operation() == AclOperation.WRITE);
  }

  @Test
  void deniesWhatSharesAPrefixButIsNotDeclared() {
    AclPlan plan = plan(List.of());

    assertThat(plan.byPrincipal().get("service-notifier")).as("lifecycles, not commands")
        .anyMatch(b -> is(b, "towerco.incidents.towerco.commands", PatternType.LITERAL,
            AclOperation.READ, AclPermissionType.DENY));
    assertThat(plan.byPrincipal().get("service-store"))
        .as("another service's private topic and the settings under the deliveries prefix")
        .anyMatch(b -> is(b, "towerco.notifications.inbox", PatternType.LITERAL,
            AclOperation.READ, AclPermissionType.DENY))
        .anyMatch(b -> is(b, "towerco.notifications.settings", PatternType.LITERAL,
            AclOperation.READ, AclPermissionType.DENY));
  }

  @Test
  void givesEveryServiceDeadLettersAndItsOwnGroupsAndTransactionsOnly() {
    List<AclBinding> engine = plan(List.of()).byPrincipal().get("service-engine");

    assertThat(engine).anyMatch(b -> is(b, "towerco.dlq", PatternType.LITERAL,
        AclOperation.WRITE, AclPermissionType.ALLOW));
    assertThat(engine).filteredOn(b -> b.pattern().resourceType() == ResourceType.GROUP)
        .extracting(b -> b.pattern().name()).containsExactly("towerco-engine");
    assertThat(engine)
        .filteredOn(b -> b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID)
        .extracting(b -> b.pattern().name()).containsExactly("towerco-engine-");
  }

  @Test
  void aTenantPrincipalReadsItsOwnTopicsByNameAndWritesNothing() {
    List<AclBinding> acme = plan(List.of("acme")).byPrincipal().get("tenant-acme");

    assertThat(acme).filteredOn(b -> b.pattern().resourceType() == ResourceType.TOPIC)
        .allMatch(b -> b.pattern().patternType() == PatternType.LITERAL
            && b.entry().operation() == AclOperation.READ
            && b.pattern().name().contains(".acme."))
        .extracting(b -> b.pattern().name()).containsExactly("towerco.kpis.acme.metrics",
            "towerco.alerts.acme.notifications", "towerco.incidents.acme.lifecycle",
            "towerco.notifications.acme.deliveries");
    assertThat(acme).filteredOn(b -> b.pattern().resourceType() == ResourceType.GROUP)
        .extracting(b -> b.pattern().name()).containsExactly("tenant-acme.");
  }

  @Test
  void theDeadLetterReaderReadsTheDeadLetterTopicAndNothingElse() {
    assertThat(plan(List.of()).byPrincipal().get(Principals.DLQ_READER)).singleElement()
        .matches(b -> is(b, "towerco.dlq", PatternType.LITERAL, AclOperation.READ,
            AclPermissionType.ALLOW));
  }

  @Test
  void theRedriveWritesBackWhereServicesReadUnderItsOwnTransactionalIdOnly() {
    List<AclBinding> redrive = plan(List.of()).byPrincipal().get(Principals.DLQ_REDRIVE);

    assertThat(redrive)
        .anyMatch(b -> is(b, "towerco.dlq", PatternType.LITERAL, AclOperation.WRITE,
            AclPermissionType.ALLOW))
        .as("the engine reads the site topics, the notifier the lifecycles")
        .anyMatch(b -> is(b, "towerco.sites.", PatternType.PREFIXED, AclOperation.WRITE,
            AclPermissionType.ALLOW))
        .anyMatch(b -> is(b, "towerco.incidents.", PatternType.PREFIXED, AclOperation.WRITE,
            AclPermissionType.ALLOW))
        .as("nobody here reads commands, so none may be re-driven")
        .anyMatch(b -> is(b, "towerco.incidents.towerco.commands", PatternType.LITERAL,
            AclOperation.WRITE, AclPermissionType.DENY))
        .as("another service's private topic under a prefix it writes")
        .anyMatch(b -> is(b, "towerco.notifications.inbox", PatternType.LITERAL,
            AclOperation.WRITE, AclPermissionType.DENY))
        .as("nobody here reads alerts")
        .noneMatch(b -> b.pattern().name().startsWith("towerco.alerts."))
        .noneMatch(b -> b.entry().operation() == AclOperation.CREATE)
        .noneMatch(b -> b.pattern().resourceType() == ResourceType.GROUP);
    assertThat(redrive).filteredOn(b -> b.entry().operation() == AclOperation.READ)
        .extracting(b -> b.pattern().name()).containsExactly("towerco.dlq");
    assertThat(redrive)
        .filteredOn(b -> b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID)
        .extracting(b -> b.pattern().name(), b -> b.pattern().patternType())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Redriver.TRANSACTIONAL_ID,
            PatternType.LITERAL));
    assertThat(plan(List.of()).byPrincipal().entrySet())
        .filteredOn(e -> !e.getKey().equals(Principals.DLQ_REDRIVE))
        .as("nobody else holds the re-drive's transactional id")
        .allMatch(e -> e.getValue().stream().noneMatch(b ->
            b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID
                && Redriver.TRANSACTIONAL_ID.startsWith(b.pattern().name())));
  }

  @Test
  void refusesAReadOnlyPrincipalForTheOperatorTenant() {
    assertThatThrownBy(() -> plan(List.of("towerco")))
        .hasMessageContaining("operator tenant towerco");
  }

  @Test
  void refusesAServicePrefixThatCoversAnotherServicesGroups() {
    KafkaAccess greedy = KafkaAccess.of("greedy").groups("towerco-");

    assertThatThrownBy(() -> AclPlan.of(List.of(ENGINE, greedy), List.of(), "towerco"))
        .hasMessageContaining("covers service engine");
  }

  private static boolean is(AclBinding b, String name, PatternType type, AclOperation op,
      AclPermissionType permission) {
    return b.pattern().name().equals(name) && b.pattern().patternType() == type
        && b.entry().operation() == op && b.entry().permissionType() == permission;
  }
}
