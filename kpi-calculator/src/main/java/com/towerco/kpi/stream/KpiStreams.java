package com.towerco.kpi.stream;

import com.towerco.events.TopicFamily;
import com.towerco.kpi.domain.KpiCalculator;
import com.towerco.kpi.domain.Windowing;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
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
        KpiSettings.INSTANCES.from(settings), Duration.ofSeconds(1));
  }
}
