package com.towerco.platform.security;

import com.towerco.events.TopicFamily;
import com.towerco.platform.dlq.Redriver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Every ACL of the platform's principals, derived in this one place from the topic families and
 * each service's declared {@link KafkaAccess}: a service reads its inputs, writes (and creates)
 * its outputs, uses its own groups, transactional ids and Streams internal topics, and writes
 * dead letters; a tenant's principal reads that tenant's KPI, alert, incident and delivery
 * topics and nothing else; the process-level principal reads the inventory and writes the
 * process's heartbeat to {@code towerco.platform.health} (operator-internal: no tenant reads
 * it); a service that watches consumer groups (the NOC's lag per group) may describe every
 * group and topic; the dead-letter tools have a reader and a re-drive principal of their own.
 *
 * <p>Kafka matches ACLs by literal name or prefix only. A per-site or per-tenant family gets a
 * prefix ACL ({@code towerco.kpis.}); where other topics share that prefix (the operator's
 * command topics beside the lifecycles, the notification settings and the notification
 * service's private topics beside the deliveries) and the principal must not have the same
 * right on them, a literal DENY is added, which Kafka applies before any ALLOW. Command
 * families exist on the operator's topics only (ADR-001), so they are granted literally. A
 * family sharing a prefix that neither rule can separate makes the plan fail to build rather
 * than grant too much.
 */
public final class AclPlan {
  /** Stands for any tenant in the documented table. */
  public static final String ANY_TENANT = "{tenant_id}";
  /** Commands enter only on the operator's command topics. */
  static final Set<TopicFamily> OPERATOR_ONLY = EnumSet.of(TopicFamily.INCIDENT_COMMANDS,
      TopicFamily.OPTIMIZATION_COMMANDS, TopicFamily.REFUEL_COMMANDS);
  /** What a tenant's read-only principal reads, each on that tenant's own topic. */
  public static final List<TopicFamily> TENANT_READABLE = List.of(TopicFamily.KPI_METRICS,
      TopicFamily.ALERT_NOTIFICATIONS, TopicFamily.INCIDENT_LIFECYCLE,
      TopicFamily.NOTIFICATION_DELIVERIES);

  private final String operator;
  private final List<KafkaAccess> services;
  private final Map<String, List<AclBinding>> byPrincipal = new LinkedHashMap<>();

  private AclPlan(List<KafkaAccess> services, String operator) {
    this.services = List.copyOf(services);
    this.operator = operator;
  }

  /**
   * The plan for these services and a read-only principal for each of {@code tenants} (never
   * the operator, whose topics carry the NOC's internal data).
   */
  public static AclPlan of(List<KafkaAccess> services, List<String> tenants, String operator) {
    AclPlan plan = new AclPlan(services, operator);
    ResourcePrefixes.requireDisjoint(services);
    plan.platformPrincipal();
    services.forEach(plan::servicePrincipal);
    plan.deadLetterPrincipals();
    for (String tenant : tenants) {
      if (tenant.equals(operator)) {
        throw new IllegalArgumentException("no read-only principal for the operator tenant "
            + operator + ": its topics carry the NOC's internal data");
      }
      plan.tenantPrincipal(tenant);
    }
    return plan;
  }

  /** Principal name to its ACLs, in plan order. */
  public Map<String, List<AclBinding>> byPrincipal() {
    return byPrincipal;
  }

  public List<AclBinding> bindings() {
    return byPrincipal.values().stream().flatMap(List::stream).toList();
  }

  public Set<String> principals() {
    return byPrincipal.keySet();
  }

  /** The topics an administrator creates before any service starts (see class comment). */
  public List<String> operatorTopics() {
    List<String> topics = new ArrayList<>();
    for (TopicFamily family : TopicFamily.values()) {
      topics.add(family.scope() == TopicFamily.Scope.GLOBAL ? family.topic()
          : family.scope() == TopicFamily.Scope.TENANT ? topicOf(family, operator) : null);
    }
    topics.removeIf(t -> t == null);
    return topics;
  }

  private void platformPrincipal() {
    String p = Principals.PLATFORM;
    allow(p, ResourceType.TOPIC, TopicFamily.INVENTORY.topic(), PatternType.LITERAL,
        AclOperation.READ);
    allow(p, ResourceType.TOPIC, TopicFamily.PLATFORM_HEALTH.topic(), PatternType.LITERAL,
        AclOperation.WRITE);
    globalTopics().forEach(t -> allow(p, ResourceType.TOPIC, t, PatternType.LITERAL,
        AclOperation.DESCRIBE));
  }

  /**
   * The dead-letter tools: the reader reads {@code towerco.dlq} and nothing else (it reads
   * outside any consumer group); the re-drive also writes its markers there and sends a dead
   * letter back to where it came from, which is a topic some service reads, never creates
   * anything, and alone holds the re-drive's transactional id.
   */
  private void deadLetterPrincipals() {
    String dlq = TopicFamily.DEAD_LETTER.topic();
    for (String p : List.of(Principals.DLQ_READER, Principals.DLQ_REDRIVE)) {
      allow(p, ResourceType.TOPIC, dlq, PatternType.LITERAL, AclOperation.READ);
    }
    Set<TopicFamily> origins = EnumSet.noneOf(TopicFamily.class);
    services.forEach(s -> origins.addAll(s.reads()));
    origins.remove(TopicFamily.DEAD_LETTER);
    origins.remove(TopicFamily.PLATFORM_HEALTH);
    KafkaAccess redrive = KafkaAccess.of("dlq-redrive").reads(TopicFamily.DEAD_LETTER)
        .writes(origins.toArray(TopicFamily[]::new));
    String p = Principals.DLQ_REDRIVE;
    allow(p, ResourceType.TOPIC, dlq, PatternType.LITERAL, AclOperation.WRITE);
    origins.forEach(f -> topic(p, redrive, AclOperation.WRITE, f));
    allow(p, ResourceType.TRANSACTIONAL_ID, Redriver.TRANSACTIONAL_ID, PatternType.LITERAL,
        AclOperation.WRITE);
  }

  private void servicePrincipal(KafkaAccess s) {
    String p = Principals.service(s.service());
    byPrincipal.computeIfAbsent(p, k -> new ArrayList<>());
    globalTopics().forEach(t -> allow(p, ResourceType.TOPIC, t, PatternType.LITERAL,
        AclOperation.DESCRIBE));
    topic(p, s, AclOperation.WRITE, TopicFamily.DEAD_LETTER);
    s.reads().forEach(f -> topic(p, s, AclOperation.READ, f));
    for (TopicFamily family : s.writes()) {
      topic(p, s, AclOperation.WRITE, family);
      if (family.scope() != TopicFamily.Scope.GLOBAL && !OPERATOR_ONLY.contains(family)) {
        topic(p, s, AclOperation.CREATE, family);
      }
    }
    for (String topic : s.privateTopics()) {
      for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE,
          AclOperation.CREATE)) {
        allow(p, ResourceType.TOPIC, topic, PatternType.LITERAL, op);
      }
    }
    s.internalTopicPrefixes().forEach(prefix -> allow(p, ResourceType.TOPIC, prefix,
        PatternType.PREFIXED, AclOperation.ALL));
    s.groupPrefixes().forEach(prefix -> allow(p, ResourceType.GROUP, prefix,
        PatternType.PREFIXED, AclOperation.READ));
    s.transactionalIdPrefixes().forEach(prefix -> allow(p, ResourceType.TRANSACTIONAL_ID,
        prefix, PatternType.PREFIXED, AclOperation.WRITE));
    if (s.groupWatcher()) {
      allow(p, ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL,
          AclOperation.DESCRIBE);
      allow(p, ResourceType.TOPIC, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL,
          AclOperation.DESCRIBE);
    }
  }

  private void tenantPrincipal(String tenant) {
    String p = Principals.tenant(tenant);
    for (TopicFamily family : TENANT_READABLE) {
      allow(p, ResourceType.TOPIC, topicOf(family, tenant), PatternType.LITERAL,
          AclOperation.READ);
    }
    allow(p, ResourceType.GROUP, Principals.tenantGroupPrefix(tenant), PatternType.PREFIXED,
        AclOperation.READ);
  }

  /** One right of service {@code s} on a topic family, as narrow as Kafka can say it. */
  private void topic(String p, KafkaAccess s, AclOperation op, TopicFamily family) {
    if (family.scope() == TopicFamily.Scope.GLOBAL) {
      allow(p, ResourceType.TOPIC, family.topic(), PatternType.LITERAL, op);
      return;
    }
    if (OPERATOR_ONLY.contains(family)) {
      allow(p, ResourceType.TOPIC, topicOf(family, operator), PatternType.LITERAL, op);
      return;
    }
    String prefix = prefixOf(family);
    allow(p, ResourceType.TOPIC, prefix, PatternType.PREFIXED, op);
    for (TopicFamily other : TopicFamily.values()) {
      if (other == family || has(s, op, other)) {
        continue;
      }
      if (other.scope() == TopicFamily.Scope.GLOBAL || OPERATOR_ONLY.contains(other)) {
        String name = other.scope() == TopicFamily.Scope.GLOBAL ? other.topic()
            : topicOf(other, operator);
        if (name.startsWith(prefix)) {
          deny(p, name, op);
        }
      } else if (prefixOf(other).startsWith(prefix) || prefix.startsWith(prefixOf(other))) {
        throw new IllegalStateException(family + " and " + other + " share the prefix "
            + prefix + "; an ACL cannot give " + p + " " + op + " on one only");
      }
    }
    for (KafkaAccess owner : services) {
      if (owner != s) {
        owner.privateTopics().stream().filter(t -> t.startsWith(prefix))
            .forEach(t -> deny(p, t, op));
      }
    }
  }

  private static boolean has(KafkaAccess s, AclOperation op, TopicFamily family) {
    return op == AclOperation.READ ? s.reads().contains(family) : s.writes().contains(family);
  }

  private void allow(String principal, ResourceType type, String name, PatternType pattern,
      AclOperation op) {
    add(principal, new AclBinding(new ResourcePattern(type, name, pattern),
        new AccessControlEntry(Principals.user(principal), "*", op, AclPermissionType.ALLOW)));
  }

  private void deny(String principal, String topic, AclOperation op) {
    add(principal, new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic,
        PatternType.LITERAL), new AccessControlEntry(Principals.user(principal), "*", op,
        AclPermissionType.DENY)));
  }

  /** Adds an ACL unless an ALLOW prefix of the principal already covers it (and vice versa). */
  private void add(String principal, AclBinding binding) {
    List<AclBinding> list = byPrincipal.computeIfAbsent(principal, k -> new ArrayList<>());
    if (list.contains(binding) || list.stream().anyMatch(b -> covers(b, binding))) {
      return;
    }
    list.removeIf(b -> covers(binding, b));
    list.add(binding);
  }

  private static boolean covers(AclBinding prefix, AclBinding literal) {
    return prefix.pattern().patternType() == PatternType.PREFIXED
        && literal.pattern().patternType() == PatternType.LITERAL
        && prefix.entry().permissionType() == AclPermissionType.ALLOW
        && literal.entry().permissionType() == AclPermissionType.ALLOW
        && prefix.pattern().resourceType() == literal.pattern().resourceType()
        && prefix.entry().operation() == literal.entry().operation()
        && literal.pattern().name().startsWith(prefix.pattern().name());
  }

  private static Set<String> globalTopics() {
    Set<String> topics = new LinkedHashSet<>();
    for (TopicFamily family : TopicFamily.values()) {
      if (family.scope() == TopicFamily.Scope.GLOBAL) {
        topics.add(family.topic());
      }
    }
    return topics;
  }

  /** {@code towerco.kpis.} of {@code towerco.kpis.{tenant_id}.metrics}. */
  static String prefixOf(TopicFamily family) {
    String template = family.template();
    return template.substring(0, template.indexOf('{'));
  }

  /** A tenant's topic; {@link #ANY_TENANT} keeps the placeholder for the documentation. */
  static String topicOf(TopicFamily family, String tenant) {
    return tenant.equals(ANY_TENANT) ? family.template() : family.topic(tenant);
  }
}
