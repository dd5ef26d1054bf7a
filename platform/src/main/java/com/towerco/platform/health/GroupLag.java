package com.towerco.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag per consumer group as the broker knows it: every group's committed offsets (Admin
 * {@code listConsumerGroupOffsets}) against the partitions' end offsets (last stable offset,
 * since the platform's consumers read committed data), summed per group. Unlike each process's
 * own lag metric this counts partitions no instance consumes (a group whose instances are all
 * down still shows its lag). Looked up at most once per {@code maxAge}; a failed look is
 * reported with its error and the last good answer.
 */
public final class GroupLag {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final Clock clock;
  private final Duration maxAge;
  private Snapshot last;

  /** One group's lag. */
  public record Group(String groupId, String state, int partitions, long lag) {}

  /** The groups as of {@code at}; {@code error} when the last look failed. */
  public record Snapshot(Instant at, List<Group> groups, String error) {}

  public GroupLag(Admin admin, Clock clock, Duration maxAge) {
    this.admin = admin;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /** The lag per group, looked up again when the last look is older than {@code maxAge}. */
  public synchronized Snapshot current() {
    Instant now = clock.instant();
    if (last != null && Duration.between(last.at(), now).compareTo(maxAge) < 0) {
      return last;
    }
    try {
      last = new Snapshot(now, look(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Snapshot(now, last == null ? List.of() : last.groups(), "interrupted");
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      last = new Snapshot(now, last == null ? List.of() : last.groups(), cause.toString());
    }
    return last;
  }

  private List<Group> look() throws Exception {
    Collection<GroupListing> listings = admin.listGroups().all()
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    Map<String, String> states = new HashMap<>();
    for (GroupListing g : listings) {
      if (g.type().map(t -> t != GroupType.SHARE).orElse(true)) {
        specs.put(g.groupId(), new ListConsumerGroupOffsetsSpec());
        states.put(g.groupId(), g.groupState().map(s -> s.toString().toLowerCase())
            .orElse("unknown"));
      }
    }
    if (specs.isEmpty()) {
      return List.of();
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin
        .listConsumerGroupOffsets(specs).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    java.util.Set<TopicPartition> wanted = new java.util.HashSet<>();
    committed.values().forEach(offsets -> offsets.forEach((tp, o) -> {
      if (o != null) {
        wanted.add(tp);
      }
    }));
    Map<TopicPartition, Long> ends = ends(admin, wanted, TIMEOUT);
    List<Group> groups = new ArrayList<>();
    committed.forEach((groupId, offsets) -> {
      long lag = 0;
      int partitions = 0;
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
        Long end = ends.get(e.getKey());
        if (e.getValue() == null || end == null) {
          continue;
        }
        partitions++;
        lag += Math.max(0, end - e.getValue().offset());
      }
      groups.add(new Group(groupId, states.get(groupId), partitions, lag));
    });
    groups.sort(Comparator.comparing(Group::groupId));
    return groups;
  }

  /**
   * The end offsets of {@code partitions} as a read-committed consumer sees them (the last stable
   * offset), which is what a group of the platform's consumers can commit up to.
   */
  public static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions,
      Duration timeout) throws Exception {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }
}
