package com.towerco.dashboard.stream;

import com.towerco.dashboard.DashboardSettings;
import com.towerco.dashboard.domain.DashboardModel;
import com.towerco.events.Envelope;
import com.towerco.events.EventTypes;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Feeds the read model from the consumer loop. The model is rebuilt on every start, so each
 * newly assigned partition is read again from a recent point of record time (the last half
 * hour of site telemetry, longer for KPIs, alerts and incidents) whatever was committed.
 */
public final class DashboardEventHandler implements EventHandler {
  private final DashboardModel model;
  private final DashboardSettings.Replay replay;
  private final Clock clock;
  private final ServiceMetrics metrics;
  private final long resolutionMillis;

  public DashboardEventHandler(DashboardModel model, DashboardSettings.Replay replay,
      Clock clock, ServiceMetrics metrics) {
    this.model = model;
    this.replay = replay;
    this.clock = clock;
    this.metrics = metrics;
    this.resolutionMillis = model.limits().seriesResolutionMillis();
  }

  /**
   * Readings are coalesced per site and chart point (ADR-033): the chart keeps the latest
   * reading of each point's time bucket and the site's state is its latest reading, so of a
   * polled batch's readings of one site in one bucket only the latest is decoded and applied.
   * At the fleet's rate (a reading per site every 10 s, the chart's default step) a batch
   * rarely holds two; while the dashboard catches up on a backlog it skips most decodes.
   */
  @Override
  public boolean coalesces() {
    return true;
  }

  @Override
  public Object coalesceKey(EventHeaders.Attributes routing) {
    if (!TELEMETRY.equals(routing.type()) || routing.siteId().isEmpty()) {
      return null;
    }
    return new ChartPoint(routing.siteId(),
        Math.floorDiv(routing.time().toEpochMilli(), resolutionMillis));
  }

  /**
   * One site's chart point: a time bucket of the series' resolution. The consumer loop hashes
   * and compares one per record it coalesces, so equality is written out: a record's generated
   * {@code equals}/{@code hashCode} go through method handles that were 13 % of this thread's
   * samples in the pipeline bench (ADR-044).
   */
  private record ChartPoint(String siteId, long bucket) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ChartPoint other && bucket == other.bucket
          && siteId.equals(other.siteId);
    }

    @Override
    public int hashCode() {
      return 31 * siteId.hashCode() + Long.hashCode(bucket);
    }
  }

  private static final String TELEMETRY = EventTypes.of(SiteTelemetry.class).name();

  @Override
  public void handle(Envelope event, SourceRecord source) {
    if (model.apply(event) == DashboardModel.Outcome.DUPLICATE) {
      metrics.duplicateSkipped();
    }
  }

  @Override
  public Optional<Instant> replayFrom(TopicPartition partition) {
    return TopicFamily.of(partition.topic()).map(this::window)
        .map(window -> clock.instant().minus(window));
  }

  private Duration window(TopicFamily family) {
    return switch (family) {
      case SITE_EVENTS -> replay.siteEvents();
      case KPI_METRICS -> replay.kpis();
      case ALERT_NOTIFICATIONS -> replay.alerts();
      case INCIDENT_LIFECYCLE -> replay.incidents();
      default -> replay.siteEvents();
    };
  }
}
