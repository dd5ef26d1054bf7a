package com.towerco.benchmarks.system;

import com.towerco.dashboard.DashboardSettings;
import com.towerco.kpi.KpiCalculatorServiceFactory;
import com.towerco.platform.health.GroupLag;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceFactory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the bench's platform has caught up, judged by the broker alone: for every consumer
 * group of a service running in the platform (its group id, or one starting with it followed by
 * {@code -}, e.g. {@code towerco-notification-service-intake}) that has members now, the
 * committed offset of each partition it owns or has committed against the partition's end
 * (read-committed) offset. Groups of the raw phase ({@code bench-raw-*}), the bench's own
 * readers and groups without members (stopped) are not counted.
 *
 * <p>Two groups' committed offsets do not say where they are, by design, so summing every
 * {@code towerco-} group's committed lag never reached 0: the KPI calculator commits the first
 * record an open window still needs (so that a restart replays exactly the windows' input), which
 * stays behind the end for as long as windows are open, i.e. for good while the bench's event
 * times are inside one window; the dashboard is a read model rebuilt on every start from a
 * replay time, so it never reads (nor commits) a partition whose records are all older than that.
 * For these groups ({@link #OWN_LAG}) the service's own lag is used instead, its consumers'
 * positions against the end offsets they refresh every 2 s ({@code towerco_consumer_lag}),
 * trusted only once a refresh has happened since the wait began. (Groups reading topics written
 * in transactions were one record behind per partition for good too, the commit marker; the
 * runtimes now commit past it.)
 */
final class PlatformCatchUp {
  /** Groups whose committed offsets do not say where they are (see the class comment). */
  static final Set<String> OWN_LAG = Set.of(KpiCalculatorServiceFactory.GROUP_ID,
      DashboardSettings.DEFAULT_GROUP_ID);
  /** How long the end offsets behind a service's own lag may be old. */
  private static final Duration END_OFFSETS_AGE = Duration.ofSeconds(3);

  private final Admin admin;
  private final PlatformMetrics metrics;
  private final List<String> groupIds;
  private final Map<String, String> ownLag = new HashMap<>();
  /** Up to a few partitions behind per group, from the last look: what a timeout reports. */
  private final Map<String, List<String>> behindPartitions = new TreeMap<>();

  PlatformCatchUp(Admin admin, PlatformMetrics metrics, List<ServiceFactory> services) {
    this.admin = admin;
    this.metrics = metrics;
    this.groupIds = services.stream().map(ServiceFactory::groupId).toList();
    services.stream().filter(f -> OWN_LAG.contains(f.groupId()))
        .forEach(f -> ownLag.put(f.groupId(), f.name()));
  }

  /**
   * Polls until no counted group is behind or {@code timeout} passes; returns whether it caught
   * up, printing how long it took or, if not, what is behind.
   */
  boolean await(Duration timeout, PrintStream out) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Map<String, Long> behind = Map.of();
    while (System.nanoTime() < deadline) {
      try {
        behind = behind(System.nanoTime() - start >= END_OFFSETS_AGE.toNanos());
      } catch (ExecutionException e) {
        behind = Map.of("(admin: " + e.getCause() + ")", -1L);
      }
      if (behind.isEmpty()) {
        out.printf("  platform caught up in %.1f s (committed offsets of every running "
            + "service group at the end)%n", (System.nanoTime() - start) / 1e9);
        return true;
      }
      Thread.sleep(500);
    }
    out.printf("  WARNING: platform not caught up after %d s; records behind by group: %s; "
        + "e.g. (committed/end) %s%n", timeout.toSeconds(), behind, behindPartitions);
    return false;
  }

  /**
   * Records behind by group, for the counted groups that are behind; an {@link #OWN_LAG}
   * group's own lag counts only if {@code endsFresh} (else it is reported as behind by -1).
   */
  Map<String, Long> behind(boolean endsFresh) throws ExecutionException, InterruptedException {
    Map<String, Collection<TopicPartition>> owned = runningGroups();
    Map<String, Long> behind = new TreeMap<>();
    Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
    Set<TopicPartition> partitions = new HashSet<>();
    for (Map.Entry<String, Collection<TopicPartition>> group : owned.entrySet()) {
      String service = ownLag.get(group.getKey());
      if (service != null) {
        long lag = endsFresh ? metrics.forService(service).lag() : -1;
        if (lag != 0) {
          behind.put(group.getKey() + " (own lag)", lag);
        }
        continue;
      }
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get()
          .forEach((tp, at) -> offsets.put(tp, at == null ? 0L : at.offset()));
      group.getValue().forEach(tp -> offsets.putIfAbsent(tp, 0L));
      committed.put(group.getKey(), offsets);
      partitions.addAll(offsets.keySet());
    }
    Map<TopicPartition, Long> ends = ends(partitions);
    behindPartitions.clear();
    committed.forEach((group, offsets) -> {
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
        long end = ends.getOrDefault(e.getKey(), e.getValue());
        if (end > e.getValue()) {
          lag += end - e.getValue();
          List<String> examples = behindPartitions.computeIfAbsent(group,
              g -> new java.util.ArrayList<>());
          if (examples.size() < 3) {
            examples.add(e.getKey() + " " + e.getValue() + "/" + end);
          }
        }
      }
      if (lag > 0) {
        behind.put(group, lag);
      }
    });
    return behind;
  }

  /** The counted groups with members, and the partitions their members own. */
  private Map<String, Collection<TopicPartition>> runningGroups()
      throws ExecutionException, InterruptedException {
    List<String> ids = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()
        .stream().map(GroupListing::groupId).filter(this::counted).toList();
    Map<String, Collection<TopicPartition>> running = new HashMap<>();
    for (ConsumerGroupDescription group
        : admin.describeConsumerGroups(ids).all().get().values()) {
      if (!group.members().isEmpty()) {
        Set<TopicPartition> owned = new HashSet<>();
        for (MemberDescription member : group.members()) {
          owned.addAll(member.assignment().topicPartitions());
        }
        running.put(group.groupId(), owned);
      }
    }
    return running;
  }

  private boolean counted(String group) {
    return groupIds.stream().anyMatch(id -> group.equals(id) || group.startsWith(id + "-"));
  }

  private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions)
      throws ExecutionException, InterruptedException {
    try {
      return GroupLag.ends(admin, partitions, Duration.ofSeconds(30));
    } catch (ExecutionException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new ExecutionException(e);
    }
  }
}
