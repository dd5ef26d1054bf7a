package com.towerco.benchmarks.system;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How long the fleet's consumer groups take to pick up new site topics: from the moment the
 * topics are ready until every group that reads site topics has every new topic assigned to
 * one of its members (seen through the Admin API, as an operator would).
 */
final class RebalanceProbe {
  private RebalanceProbe() {}

  /** Milliseconds until every site-reading group owns all of {@code topics}; -1 on timeout. */
  static long awaitAssigned(Admin admin, Collection<String> topics, long timeoutMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
        .map(ConsumerGroupListing::groupId).toList();
    while (System.nanoTime() < deadline) {
      if (allAssigned(admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS),
          new HashSet<>(topics))) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(100);
    }
    return -1;
  }

  private static boolean allAssigned(Map<String, ConsumerGroupDescription> groups,
      Set<String> topics) {
    for (ConsumerGroupDescription group : groups.values()) {
      Set<String> owned = new HashSet<>();
      boolean readsSites = false;
      for (MemberDescription member : group.members()) {
        for (TopicPartition tp : member.assignment().topicPartitions()) {
          owned.add(tp.topic());
          readsSites |= tp.topic().startsWith("towerco.sites.");
        }
      }
      if (readsSites && !owned.containsAll(topics)) {
        return false;
      }
    }
    return true;
  }
}
