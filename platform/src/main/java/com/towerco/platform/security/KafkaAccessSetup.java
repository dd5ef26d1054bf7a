package com.towerco.platform.security;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a secured cluster in line with an {@link AclPlan}, as a super user: creates or updates
 * the SCRAM credentials of every planned principal and of the administrator, adds the missing
 * ACLs and removes ACLs of platform-managed principals that the plan no longer grants (a
 * tenant principal dropped from the list loses its access), waits until the broker applies
 * them, and creates the global and operator topics so that services need not create topics
 * they only read. Idempotent: every start runs it.
 */
public final class KafkaAccessSetup {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAccessSetup.class);
  private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);
  private static final int SCRAM_ITERATIONS = 8192;

  private KafkaAccessSetup() {}

  /**
   * Applies {@code plan} through {@code superUser} and returns each principal's client
   * settings ({@code connection} plus its SCRAM login), also written to its credentials file.
   */
  public static Map<String, Map<String, String>> apply(KafkaClients superUser, AclPlan plan,
      KafkaCredentials credentials, Map<String, String> connection) {
    List<String> principals = new ArrayList<>(plan.principals());
    principals.add(Principals.ADMIN);
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    for (String principal : principals) {
      settings.put(principal, credentials.clientProperties(principal,
          ScramMechanism.SCRAM_SHA_512.mechanismName(),
          connection));
    }
    try (Admin admin = superUser.admin()) {
      upsertUsers(admin, principals, credentials);
      reconcileAcls(admin, plan.bindings());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up Kafka access", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot set up Kafka users and ACLs: " + e.getMessage(),
          e);
    }
    try (TopicProvisioner topics = new TopicProvisioner(superUser)) {
      for (String topic : plan.operatorTopics()) {
        TopicFamily family = TopicFamily.of(topic).orElseThrow();
        topics.ensureAll(family, List.of(topic));
      }
    }
    return settings;
  }

  private static void upsertUsers(Admin admin, List<String> principals,
      KafkaCredentials credentials)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    for (String principal : principals) {
      upserts.add(new UserScramCredentialUpsertion(principal,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
          credentials.password(principal)));
    }
    admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
    await(() -> admin.describeUserScramCredentials(principals).all()
        .get(10, TimeUnit.SECONDS).keySet().containsAll(principals), "SCRAM users");
  }

  private static void reconcileAcls(Admin admin, List<AclBinding> planned)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<AclBinding> existing = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
        .get(30, TimeUnit.SECONDS));
    List<AclBindingFilter> stale = existing.stream()
        .filter(b -> Principals.managed(b.entry().principal()) && !planned.contains(b))
        .map(AclBinding::toFilter).toList();
    List<AclBinding> missing = planned.stream().filter(b -> !existing.contains(b)).toList();
    if (!stale.isEmpty()) {
      admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
    }
    if (!missing.isEmpty()) {
      admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
    }
    await(() -> new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
        .get(10, TimeUnit.SECONDS)).containsAll(planned), "ACLs");
    LOG.info("Kafka ACLs: {} planned, {} added, {} stale removed", planned.size(),
        missing.size(), stale.size());
  }

  /** The broker applies metadata changes asynchronously: wait until it shows them. */
  private static void await(Check check, String what)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the broker did not apply the " + what + " within "
            + APPLY_TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean done() throws InterruptedException, ExecutionException, TimeoutException;
  }
}
