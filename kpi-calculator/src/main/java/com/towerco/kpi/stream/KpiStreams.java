package com.towerco.kpi.stream;

import com.towerco.events.TopicFamily;
import com.towerco.kpi.domain.KpiCalculator;
import com.towerco.kpi.domain.Windowing;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.kafka.FetchPace;
import java.time.Duration;

/** Wires the KPI handler onto the platform's consumer runtime. */
public final class KpiStreams {
  private KpiStreams() {}

  public static PlatformService create(ServiceContext context, ServiceSettings settings,
      String name, String groupId) {
    Windowing windowing = new Windowing(KpiSettings.WINDOW.from(settings),
        KpiSettings.GRACE.from(settings), KpiSettings.MAX_GAP.from(settings));
    Duration silence = KpiSettings.SILENCE.from(settings);
    Duration dedupHorizon = windowing.size().plus(windowing.grace()).plus(windowing.maxGap());
    InventoryTerms terms = new InventoryTerms(context.sites());
    return new ConsumerService(context, name, groupId, TopicFamily.SITE_EVENTS.pattern(),
        outputs -> new KpiHandler(new KpiCalculator(windowing, terms, silence),
            outputs.publisher(), outputs.metrics(), dedupHorizon,
            context.config().operatorTenant()),
        KpiSettings.INSTANCES.from(settings), Duration.ofSeconds(1)).paced(PACE);
  }

  /**
   * Off the alert path (ADR-025): windows close by event time after their grace (minutes), and
   * alerts from KPIs trail the site events by a window by design (ADR-022), so reading a second
   * later costs nothing while an eager reader of every site topic costs the broker a fetch over
   * all of them every 50 ms.
   */
  public static final FetchPace PACE = FetchPace.BACKGROUND;
}
