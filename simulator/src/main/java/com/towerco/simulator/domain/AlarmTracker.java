package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteAlarm.AlarmState;
import com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity;
import java.util.List;
import java.util.function.Consumer;

/**
 * Raises and clears a site's alarms on state transitions. Each raised instance gets a new,
 * stable alarm id ({@code S0003-A7}) that its clear repeats, with the same specific problem.
 * It is only evaluated while the site is reachable, so after an outage of the transmission the
 * first evaluation reports exactly the difference, like an alarm resynchronisation.
 */
final class AlarmTracker {
  private final String siteId;
  private final List<AlarmRule> rules;
  private final String[] raisedIds;
  private final String[] raisedProblems;
  private int sequence;

  AlarmTracker(String siteId, List<AlarmRule> rules) {
    this.siteId = siteId;
    this.rules = List.copyOf(rules);
    this.raisedIds = new String[rules.size()];
    this.raisedProblems = new String[rules.size()];
  }

  /** Emits a {@link SiteAlarm} for every alarm that must be raised or cleared now. */
  void evaluate(SiteModel site, Consumer<SiteAlarm> out) {
    for (int i = 0; i < raisedIds.length; i++) {
      AlarmRule rule = rules.get(i);
      boolean raised = raisedIds[i] != null;
      boolean holds = rule.condition().holds(site, raised);
      if (holds && !raised) {
        raisedIds[i] = siteId + "-A" + (++sequence);
        raisedProblems[i] = rule.specificProblem().apply(site);
        out.accept(new SiteAlarm(raisedIds[i], AlarmState.RAISED, rule.severity(),
            rule.eventType(), rule.cause(), raisedProblems[i], rule.managedObject(),
            rule.additionalText().apply(site), rule.tenantId()));
      } else if (!holds && raised) {
        out.accept(new SiteAlarm(raisedIds[i], AlarmState.CLEARED, PerceivedSeverity.CLEARED,
            rule.eventType(), rule.cause(), raisedProblems[i], rule.managedObject(), null,
            rule.tenantId()));
        raisedIds[i] = null;
        raisedProblems[i] = null;
      }
    }
  }

  /** Number of alarms currently raised. */
  int raisedCount() {
    int n = 0;
    for (String id : raisedIds) {
      if (id != null) {
        n++;
      }
    }
    return n;
  }
}
