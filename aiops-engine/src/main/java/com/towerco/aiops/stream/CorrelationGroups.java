package com.towerco.aiops.stream;

import com.towerco.aiops.correlation.GroupChanges;
import com.towerco.aiops.correlation.GroupState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The correlation groups in the changelogged {@code correlation-groups} store, one entry per
 * group: key {@code region/incidentId}, value the group (as a list of one, the store's serde
 * since before ADR-053). Only the groups an input changed are written, and a dropped group is
 * deleted, so an alert costs the same in a region with one open group as in one with five
 * hundred. A region is read back with a prefix scan on {@code region/}; region ids cannot
 * contain the separator ({@link com.towerco.events.Ids}: letters, digits, '_' and '-').
 *
 * <p>Before ADR-053 a region's groups were one entry, key {@code region}, re-written whole on
 * every alert: such an entry is still read, and moved to per-group entries the first time the
 * region is restored ({@link #migrate}), so an upgrade keeps the open groups.
 */
final class CorrelationGroups {
  static final char SEPARATOR = '/';

  private final KeyValueStore<String, List<GroupState>> store;
  private final StringSerializer keys = new StringSerializer();

  CorrelationGroups(KeyValueStore<String, List<GroupState>> store) {
    this.store = store;
  }

  /**
   * The region's groups as stored: its per-group entries, then those of an entry stored before
   * ADR-053 that are not among them.
   */
  List<GroupState> read(String region) {
    List<GroupState> groups = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (KeyValueIterator<String, List<GroupState>> it =
        store.prefixScan(prefix(region), keys)) {
      while (it.hasNext()) {
        KeyValue<String, List<GroupState>> entry = it.next();
        for (GroupState group : entry.value) {
          groups.add(group);
          ids.add(group.incidentId());
        }
      }
    }
    List<GroupState> before = store.get(region);
    if (before != null) {
      before.stream().filter(g -> ids.add(g.incidentId())).forEach(groups::add);
    }
    return groups;
  }

  /**
   * If the region still has an entry stored before ADR-053, writes {@code groups} (the region as
   * restored from it) per group and deletes it; in the same commit, as every other write.
   */
  void migrate(String region, List<GroupState> groups) {
    if (store.get(region) == null) {
      return;
    }
    groups.forEach(g -> store.put(key(region, g.incidentId()), List.of(g)));
    store.delete(region);
  }

  /** Writes the groups an input changed and deletes those it dropped. */
  void save(String region, GroupChanges changes) {
    for (GroupState group : changes.changed()) {
      store.put(key(region, group.incidentId()), List.of(group));
    }
    for (String incidentId : changes.removed()) {
      store.delete(key(region, incidentId));
    }
  }

  static String key(String region, String incidentId) {
    return prefix(region) + incidentId;
  }

  private static String prefix(String region) {
    if (region.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("a region id cannot contain '" + SEPARATOR + "': "
          + region);
    }
    return region + SEPARATOR;
  }
}
