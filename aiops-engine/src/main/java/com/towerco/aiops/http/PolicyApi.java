package com.towerco.aiops.http;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.aiops.alerting.ThresholdPolicy;
import com.towerco.aiops.policy.PolicyBoard;
import com.towerco.aiops.policy.RuleOverride;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.payload.aiops.AlertPolicyChanged;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The operator's alerting policy under {@code /api/v1/aiops/policy}, NOC only (a tenant login
 * gets 403): {@code GET} lists the configured threshold rules and every override; {@code PUT
 * /api/v1/aiops/policy/{rule}} sets a rule's thresholds, persistence and severity for the fleet,
 * a site class, a region or a tenant. A change is validated (400 with the reason), written as an
 * {@code aiops.policy-changed} event on {@code towerco.aiops.policy} (the audit trail), and
 * answered once the engine applies it, without a restart.
 */
public final class PolicyApi implements HttpRoutes {
  static final Duration APPLIED_WITHIN = Duration.ofSeconds(15);

  private final PolicyBoard board;
  private final RulePolicies configured;
  private final Consumer<Envelope> publish;
  private final String operator;
  private final Clock clock;

  /** {@code publish} writes a change to the policy topic and returns once it is written. */
  public PolicyApi(PolicyBoard board, RulePolicies configured, Consumer<Envelope> publish,
      String operator, Clock clock) {
    this.board = board;
    this.configured = configured;
    this.publish = publish;
    this.operator = operator;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(MaintenanceApi.BASE + "/policy", this::list);
    routes.put(MaintenanceApi.BASE + "/policy/{rule}", this::change);
  }

  /** A rule's policy as the API shows and takes it. */
  public record RulePolicy(String rule, String scope, String scopeValue, Double on, Double off,
      Integer persist, Integer persistForS, Double extreme, AlertSeverity severity,
      String changedBy, Instant changedAt) {}

  public record Policies(List<RulePolicy> configured, List<RulePolicy> overrides) {}

  private void list(Context ctx) {
    Visibility.requireOperator(Caller.of(ctx).viewer());
    List<RulePolicy> base = new ArrayList<>();
    configured.thresholds().forEach((rule, t) -> base.add(view(rule, "fleet", null, t,
        configured.severity(rule), null, null)));
    List<RulePolicy> overrides = board.all().stream().map(o -> view(o.rule(), o.scope().id(),
        o.value(), o.threshold(), o.severity(), o.changedBy(), o.changedAt())).toList();
    MaintenanceApi.respond(ctx, io.javalin.http.HttpStatus.OK, new Policies(base, overrides));
  }

  private void change(Context ctx) {
    Caller caller = Caller.of(ctx);
    Visibility.requireOperator(caller.viewer());
    String rule = ctx.pathParam("rule");
    RulePolicy body = MaintenanceApi.read(ctx, RulePolicy.class);
    AlertRule known = AlertRule.byId(rule);
    ThresholdPolicy current = configured.thresholds().get(known);
    if (current == null) {
      throw new IllegalArgumentException(rule + " has no thresholds (high-temperature, "
          + "battery-low or fuel-low)");
    }
    if (body.scope() == null) {
      throw new IllegalArgumentException("scope is required (fleet, site-class, region, tenant)");
    }
    Instant now = clock.instant();
    AlertPolicyChanged change = new AlertPolicyChanged("pc-" + EventIds.random()
        .substring(0, 12), rule, body.scope(), body.scopeValue(),
        body.on() != null ? body.on() : current.on(),
        body.off() != null ? body.off() : current.off(),
        body.persist() != null ? body.persist() : current.persist(),
        body.persistForS() != null ? body.persistForS() : (int) current.persistFor().toSeconds(),
        body.extreme() != null ? body.extreme() : current.extreme(),
        body.severity() != null ? body.severity() : configured.severity(known),
        caller.user(), now);
    RuleOverride valid = RuleOverride.of(change); // 400 with the reason when not valid
    publish.accept(Envelope.of(EventIds.derived("aiops.policy-changed", change.changeId()),
        operator, "", now, change, Map.of("producer", "aiops-api")));
    long deadline = System.nanoTime() + APPLIED_WITHIN.toNanos();
    while (!board.applied(valid.changeId()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!board.applied(valid.changeId())) {
      throw new IllegalStateException("the change was written but not yet applied");
    }
    MaintenanceApi.respond(ctx, io.javalin.http.HttpStatus.OK, view(valid.rule(),
        valid.scope().id(), valid.value(), valid.threshold(), valid.severity(),
        valid.changedBy(), valid.changedAt()));
  }

  private static RulePolicy view(AlertRule rule, String scope, String value, ThresholdPolicy t,
      AlertSeverity severity, String by, Instant at) {
    return new RulePolicy(rule.id(), scope, value, t.on(), t.off(), t.persist(),
        (int) t.persistFor().toSeconds(), t.extreme(), severity, by, at);
  }
}
