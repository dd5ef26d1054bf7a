package com.towerco.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The {@link AclPlan} as a Markdown table, one row per principal: what it reads, writes,
 * creates, which groups and transactional ids it uses and what it is explicitly denied. The
 * README's table is this output ({@code towerco kafka-access plan}); a test keeps them equal.
 */
public final class AclTable {
  private AclTable() {}

  public static String markdown(AclPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("| principal | reads | writes | creates | groups / transactional ids | denied |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<AclBinding>> entry : plan.byPrincipal().entrySet()) {
      List<AclBinding> acls = entry.getValue();
      out.append("| `").append(entry.getKey()).append("` | ")
          .append(names(acls, b -> allowed(b, ResourceType.TOPIC, AclOperation.READ)))
          .append(" | ")
          .append(names(acls, b -> allowed(b, ResourceType.TOPIC, AclOperation.WRITE)))
          .append(" | ")
          .append(names(acls, b -> allowed(b, ResourceType.TOPIC, AclOperation.CREATE)))
          .append(" | ")
          .append(join(names(acls, b -> allowed(b, ResourceType.GROUP, AclOperation.READ)),
              names(acls, b -> allowed(b, ResourceType.TRANSACTIONAL_ID, AclOperation.WRITE))))
          .append(" | ")
          .append(denied(acls)).append(" |\n");
    }
    return out.toString();
  }

  /** ALL on a topic prefix (Streams internal topics) counts as read, write and create. */
  private static boolean allowed(AclBinding b, ResourceType type, AclOperation op) {
    return b.entry().permissionType() == AclPermissionType.ALLOW
        && b.pattern().resourceType() == type
        && (b.entry().operation() == op || b.entry().operation() == AclOperation.ALL);
  }

  private static String names(List<AclBinding> acls, Predicate<AclBinding> which) {
    List<String> names = new ArrayList<>();
    for (AclBinding b : acls) {
      if (which.test(b)) {
        names.add(name(b));
      }
    }
    return String.join(", ", names);
  }

  private static String denied(List<AclBinding> acls) {
    List<String> names = new ArrayList<>();
    for (AclBinding b : acls) {
      if (b.entry().permissionType() == AclPermissionType.DENY) {
        names.add(b.entry().operation().name().toLowerCase() + " " + name(b));
      }
    }
    return String.join(", ", names);
  }

  private static String name(AclBinding b) {
    return "`" + b.pattern().name() + (b.pattern().patternType() == PatternType.PREFIXED
        ? "*" : "") + "`";
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }
}
