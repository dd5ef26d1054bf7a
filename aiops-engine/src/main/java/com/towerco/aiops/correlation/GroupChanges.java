package com.towerco.aiops.correlation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a region's correlation since the state store last took it: the groups created
 * or changed (as they are now) and the incident ids of the groups dropped. A group changed and
 * then dropped is only dropped; one dropped and then made again (the same incident id) is only
 * changed.
 */
public record GroupChanges(List<GroupState> changed, List<String> removed) {
  public GroupChanges {
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /**
   * Collects a {@link Correlator}'s changes between two {@link #drain}s, once it is on (a
   * correlator nobody takes the changes from keeps none).
   */
  static final class Recorder {
    private final Map<String, Group> changed = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private boolean on;

    void start() {
      on = true;
    }

    void changed(Group group) {
      if (on) {
        changed.put(group.incidentId, group);
        removed.remove(group.incidentId);
      }
    }

    void removed(Group group) {
      if (on) {
        changed.remove(group.incidentId);
        removed.add(group.incidentId);
      }
    }

    GroupChanges drain() {
      if (changed.isEmpty() && removed.isEmpty()) {
        return NONE;
      }
      List<GroupState> states = new ArrayList<>(changed.size());
      changed.values().forEach(g -> states.add(GroupState.of(g)));
      GroupChanges out = new GroupChanges(states, List.copyOf(removed));
      changed.clear();
      removed.clear();
      return out;
    }
  }

  private static final GroupChanges NONE = new GroupChanges(List.of(), List.of());
}
