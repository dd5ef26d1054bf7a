package com.towerco.platform.security;

import com.towerco.events.TopicFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one service does on Kafka, declared by its factory next to the code that does it: the
 * topic families it reads and writes, its private topics, the prefixes of its consumer groups
 * and transactional ids, and its Kafka Streams application. {@link AclPlan} turns these
 * declarations into the service principal's ACLs, and nothing else grants a service anything,
 * so a service that does more than it declares fails against a secured broker (the secured
 * platform test runs every service there).
 *
 * <p>Every service may also write the dead-letter topic and see the global topics; that is the
 * platform runtime's, not the service's, and the plan adds it.
 */
public record KafkaAccess(
    String service,
    Set<TopicFamily> reads,
    Set<TopicFamily> writes,
    List<String> privateTopics,
    List<String> groupPrefixes,
    List<String> transactionalIdPrefixes,
    List<String> internalTopicPrefixes,
    boolean groupWatcher) {

  public KafkaAccess {
    if (service == null || !service.matches("[a-z][a-z0-9-]{0,40}")) {
      throw new IllegalArgumentException("not a service name: " + service);
    }
    reads = Collections.unmodifiableSet(copy(reads));
    writes = Collections.unmodifiableSet(copy(writes));
    privateTopics = List.copyOf(privateTopics);
    groupPrefixes = List.copyOf(groupPrefixes);
    transactionalIdPrefixes = List.copyOf(transactionalIdPrefixes);
    internalTopicPrefixes = List.copyOf(internalTopicPrefixes);
  }

  /** A service that does nothing on Kafka yet; add to it with the methods below. */
  public static KafkaAccess of(String service) {
    return new KafkaAccess(service, Set.of(), Set.of(), List.of(), List.of(), List.of(),
        List.of(), false);
  }

  public KafkaAccess reads(TopicFamily... families) {
    Set<TopicFamily> more = copy(reads);
    more.addAll(List.of(families));
    return new KafkaAccess(service, more, writes, privateTopics, groupPrefixes,
        transactionalIdPrefixes, internalTopicPrefixes, groupWatcher);
  }

  public KafkaAccess writes(TopicFamily... families) {
    Set<TopicFamily> more = copy(writes);
    more.addAll(List.of(families));
    return new KafkaAccess(service, reads, more, privateTopics, groupPrefixes,
        transactionalIdPrefixes, internalTopicPrefixes, groupWatcher);
  }

  /** Topics of this service alone, which it creates, reads and writes. */
  public KafkaAccess ownsTopics(String... topics) {
    return new KafkaAccess(service, reads, writes, plus(privateTopics, topics), groupPrefixes,
        transactionalIdPrefixes, internalTopicPrefixes, groupWatcher);
  }

  /** Consumer groups whose id starts with {@code prefix}. */
  public KafkaAccess groups(String prefix) {
    return new KafkaAccess(service, reads, writes, privateTopics, plus(groupPrefixes, prefix),
        transactionalIdPrefixes, internalTopicPrefixes, groupWatcher);
  }

  /** Transactional producers whose id starts with {@code prefix}. */
  public KafkaAccess transactionalIds(String prefix) {
    return new KafkaAccess(service, reads, writes, privateTopics, groupPrefixes,
        plus(transactionalIdPrefixes, prefix), internalTopicPrefixes, groupWatcher);
  }

  /**
   * A Kafka Streams application: its group is the application id, its internal topics
   * (changelogs, repartitions) and exactly-once transactional ids start with it.
   */
  public KafkaAccess streamsApplication(String applicationId) {
    return new KafkaAccess(service, reads, writes, privateTopics,
        plus(groupPrefixes, applicationId), plus(transactionalIdPrefixes, applicationId + "-"),
        plus(internalTopicPrefixes, applicationId + "-"), groupWatcher);
  }

  /**
   * Reads every consumer group's committed offsets and every topic's end offsets (DESCRIBE on
   * all groups and topics, nothing more): the NOC's lag per consumer group, from the broker.
   */
  public KafkaAccess watchesGroups() {
    return new KafkaAccess(service, reads, writes, privateTopics, groupPrefixes,
        transactionalIdPrefixes, internalTopicPrefixes, true);
  }

  private static Set<TopicFamily> copy(Set<TopicFamily> families) {
    return families.isEmpty() ? EnumSet.noneOf(TopicFamily.class) : EnumSet.copyOf(families);
  }

  private static List<String> plus(List<String> list, String... more) {
    List<String> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all;
  }
}
