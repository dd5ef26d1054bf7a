package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.InhibitionRules;
import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.aiops.alerting.ThresholdPolicy;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the operator's threshold rules ({@link RulePolicies}), declared once with
 * their bounds: per threshold rule {@code aiops.rule.<rule>.on}, {@code .off}, {@code .persist},
 * {@code .persist-for}, {@code .extreme} (one key per rule and part, like
 * {@link AnomalyPolicies}, so {@code config check} knows each); the glitch rate
 * {@code aiops.rule.sensor-fault.cabinet-c-per-min}; and the inhibition rules
 * {@code aiops.inhibit}, checked as {@link InhibitionRules} parses them.
 */
public final class RuleSettings {
  static final Setting<Double> CABINET_RATE = Setting.number(
      "aiops.rule.sensor-fault.cabinet-c-per-min", RulePolicies.defaults().cabinetRatePerMinute(),
      0.1, 100, "How far the cabinet temperature can move per minute (°C, plus 3 °C of noise) "
          + "before a reading is a sensor glitch (sensor-fault) and not a threshold crossing.");
  static final Setting<String> INHIBIT = Setting.text("aiops.inhibit", InhibitionRules.DEFAULT,
      "Inhibition at a site, source:target[,target];...: while a source alert fires, new "
          + "alerts of its targets at the same site are not notified (correlation still sees "
          + "them); empty for none.").checkedBy(InhibitionRules::parse);

  static final Setting<String> INHIBIT_GROUP = Setting.text("aiops.inhibit-group",
      com.towerco.aiops.alerting.NotificationPolicy.DEFAULT_GROUP_INHIBITION,
      "Inhibition across a problem's sites, source:target[,target];...: while a source alert is "
          + "active in a problem, new alerts of its targets in the same problem (at any of its "
          + "sites; a rule may name itself) do not notify and are evidence on the incident; "
          + "empty for none.").checkedBy(InhibitionRules::parseGroup);
  static final Setting<String> EVIDENCE_ONLY = Setting.text("aiops.evidence-only",
      com.towerco.aiops.alerting.NotificationPolicy.DEFAULT_EVIDENCE_ONLY,
      "Alert rules, comma-separated, whose alerts never notify alone: evidence on the problem "
          + "they belong to; empty for none.")
      .checkedBy(com.towerco.aiops.alerting.NotificationPolicy::rules);
  static final Setting<Boolean> ONCE_PER_PROBLEM = Setting.bool(
      "aiops.notify-once-per-problem", true,
      "Once an alert of a problem has notified, later alerts of that problem are evidence on "
          + "its incident (whose updates say what changed).");
  static final Setting<Boolean> AGAIN_WHEN_WORSE = Setting.bool("aiops.notify-when-worse",
      false, "With aiops.notify-once-per-problem: an alert more severe than everything its "
          + "problem notified so far notifies once more.");
  static final Setting<Boolean> AFTER_SETTLE = Setting.bool("aiops.notify-after-settle", true,
      "An alert that notifies waits until its problem has settled (aiops.settle, event time) "
          + "and goes out at the problem's severity from impact, not its alarm's label; a "
          + "problem whose severity rises notifies again; a held alert whose problem cleared "
          + "before settling notifies nobody. False: alerts notify at once at their own "
          + "severity.");

  private RuleSettings() {}

  /** The defaults with any {@code aiops.rule.*} or {@code aiops.inhibit} setting given. */
  public static RulePolicies from(ServiceSettings settings) {
    Map<AlertRule, ThresholdPolicy> thresholds = new EnumMap<>(AlertRule.class);
    for (Parts parts : parts()) {
      thresholds.put(parts.rule(), parts.policy(settings));
    }
    return new RulePolicies(thresholds, CABINET_RATE.from(settings),
        InhibitionRules.parse(INHIBIT.from(settings)),
        new com.towerco.aiops.alerting.NotificationPolicy(
            InhibitionRules.parseGroup(INHIBIT_GROUP.from(settings)),
            com.towerco.aiops.alerting.NotificationPolicy.rules(EVIDENCE_ONLY.from(settings)),
            ONCE_PER_PROBLEM.from(settings), AGAIN_WHEN_WORSE.from(settings),
            AFTER_SETTLE.from(settings)));
  }

  /** Every threshold-rule setting, the glitch rate and the inhibition rules. */
  public static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    parts().forEach(p -> all.addAll(p.all()));
    all.add(CABINET_RATE);
    all.add(INHIBIT);
    all.add(INHIBIT_GROUP);
    all.add(EVIDENCE_ONLY);
    all.add(ONCE_PER_PROBLEM);
    all.add(AGAIN_WHEN_WORSE);
    all.add(AFTER_SETTLE);
    return all;
  }

  private static List<Parts> parts() {
    Map<AlertRule, ThresholdPolicy> defaults = RulePolicies.defaults().thresholds();
    List<Parts> parts = new ArrayList<>();
    for (AlertRule rule : AlertRule.values()) {
      if (defaults.containsKey(rule)) {
        parts.add(Parts.of(rule, defaults.get(rule)));
      }
    }
    return parts;
  }

  /** The measure a rule's thresholds are in, with its physical bounds. */
  private record Scale(String unit, double min, double max) {
    static Scale of(AlertRule rule) {
      return switch (rule) {
        case HIGH_TEMPERATURE -> new Scale("cabinet temperature, °C", -50, 150);
        case BATTERY_LOW -> new Scale("battery state of charge, %", 0, 100);
        case FUEL_LOW -> new Scale("fuel left, share of the tank 0..1", 0, 1);
        default -> throw new IllegalArgumentException(rule.id() + " has no threshold scale");
      };
    }
  }

  /** The settings of one threshold rule. */
  private record Parts(AlertRule rule, Setting<Double> on, Setting<Double> off,
      Setting<Integer> persist, Setting<Duration> persistFor, Setting<Double> extreme) {
    static Parts of(AlertRule rule, ThresholdPolicy p) {
      String k = "aiops.rule." + rule.id() + ".";
      Scale s = Scale.of(rule);
      String of = " (" + rule.id() + "; " + s.unit() + ")";
      return new Parts(rule,
          Setting.number(k + "on", p.on(), s.min(), s.max(),
              "The value past which the condition is present" + of + "."),
          Setting.number(k + "off", p.off(), s.min(), s.max(),
              "The value back past which the condition clears, for hysteresis" + of + "."),
          Setting.integer(k + "persist", p.persist(), 1, 100_000,
              "Readings in a row past the threshold before an alert" + of + "."),
          Setting.durationOrZero(k + "persist-for", p.persistFor(),
              "How long the readings past the threshold must span before an alert" + of + "."),
          Setting.number(k + "extreme", p.extreme(), s.min(), s.max(),
              "A value at or past this alerts at once when a second signal confirms it" + of
                  + "."));
    }

    ThresholdPolicy policy(ServiceSettings settings) {
      return new ThresholdPolicy(on.from(settings), off.from(settings), persist.from(settings),
          persistFor.from(settings), extreme.from(settings));
    }

    List<Setting<?>> all() {
      return List.of(on, off, persist, persistFor, extreme);
    }
  }
}
