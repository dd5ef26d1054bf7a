package com.towerco.incidents.view;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.incidents.domain.sla.SlaClock;
import com.towerco.incidents.domain.sla.SlaPeriod;
import com.towerco.platform.runtime.Projection;
import com.towerco.platform.runtime.SourceRecord;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The tenant SLA clocks as a read model, built from the KPI calculator's tenancy windows on
 * {@code towerco.kpis.{tenant}.metrics}. The live one reports each breach it sees to a
 * listener (which asks the SLA ledger to record it); a rebuilt one reports nothing.
 */
public final class SlaProjection implements Projection {
  public static final String NAME = "sla";

  private final BiFunction<String, String, OptionalDouble> targets;
  private final Consumer<SlaPeriod> onBreach;
  private SlaClock clock = new SlaClock();

  /**
   * @param targets the availability target of a (site, tenant) tenancy, from the inventory
   * @param onBreach told of each period when it breaches (live only)
   */
  public SlaProjection(BiFunction<String, String, OptionalDouble> targets,
      Consumer<SlaPeriod> onBreach) {
    this.targets = targets;
    this.onBreach = onBreach;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Pattern topics() {
    return TopicFamily.KPI_METRICS.pattern();
  }

  @Override
  public synchronized void reset() {
    clock = new SlaClock();
  }

  @Override
  public void apply(Envelope event, SourceRecord source) {
    if (!(event.payload() instanceof KpiComputed kpi)
        || kpi.scope() != KpiComputed.KpiScope.TENANCY || kpi.tenantId() == null) {
      return;
    }
    Optional<SlaPeriod> breach;
    synchronized (this) {
      breach = clock.window(kpi, targets.apply(kpi.siteId(), kpi.tenantId()));
    }
    breach.ifPresent(onBreach);
  }

  public synchronized List<SlaPeriod> periods(String tenantId, YearMonth month) {
    return clock.periods(tenantId, month);
  }

  public synchronized Optional<YearMonth> latestMonth(String tenantId) {
    return clock.latestMonth(tenantId);
  }

  public synchronized List<SlaPeriod> snapshot() {
    return clock.all();
  }
}
