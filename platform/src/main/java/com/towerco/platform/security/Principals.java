package com.towerco.platform.security;

import com.towerco.events.Ids;

/**
 * The names of the platform's Kafka principals (SASL users): one per service, one read-only
 * principal per tenant that asks for one, the process-level reader of the inventory, the
 * operator's administrator and the broker itself. Every name the platform manages starts with
 * one of {@link #MANAGED_PREFIXES}, so reconciling ACLs never touches anyone else's.
 */
public final class Principals {
  /** The operator's super user: sets up users and ACLs, runs the command-line tools. */
  public static final String ADMIN = "towerco-admin";
  /** The broker's own user on its controller and inter-broker listeners. */
  public static final String BROKER = "towerco-broker";
  /** A process's shared inventory view and topic checks, beside its services. */
  public static final String PLATFORM = "towerco-platform";
  /**
   * Reads the dead-letter topic: {@code towerco dlq list|show} and the NOC's dead-letter
   * summary. Nothing else.
   */
  public static final String DLQ_READER = "towerco-dlq-reader";
  /**
   * Re-drives dead letters ({@code towerco dlq replay}): reads the dead-letter topic, writes
   * its markers and the topics dead letters come from, under the re-drive's transactional id.
   */
  public static final String DLQ_REDRIVE = "towerco-dlq-redrive";
  public static final String SERVICE_PREFIX = "service-";
  public static final String TENANT_PREFIX = "tenant-";
  static final String[] MANAGED_PREFIXES = {SERVICE_PREFIX, TENANT_PREFIX, "towerco-"};

  private Principals() {}

  public static String service(String name) {
    return SERVICE_PREFIX + name;
  }

  public static String tenant(String tenantId) {
    if (!Ids.valid(tenantId) && !tenantId.equals(AclPlan.ANY_TENANT)) {
      throw new IllegalArgumentException("not a tenant id: " + tenantId);
    }
    return TENANT_PREFIX + tenantId;
  }

  /** {@code User:name}, as ACLs name a principal. */
  public static String user(String name) {
    return "User:" + name;
  }

  static boolean managed(String aclPrincipal) {
    for (String prefix : MANAGED_PREFIXES) {
      if (aclPrincipal.startsWith("User:" + prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The consumer-group prefix of a tenant's principal, e.g. {@code tenant-acme.}: ids cannot
   * contain a dot, so one tenant's prefix never covers another tenant's groups.
   */
  public static String tenantGroupPrefix(String tenantId) {
    return tenant(tenantId) + ".";
  }
}
