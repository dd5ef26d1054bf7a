package com.towerco.dashboard.stream;

import com.towerco.dashboard.DashboardSettings;
import com.towerco.dashboard.domain.DashboardModel;
import com.towerco.events.Envelope;
import com.towerco.events.EventTypes;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.CaughtUp;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the read model from the consumer loop. The model is rebuilt on every start, so each
 * newly assigned partition is read again from a recent point of record time (the last half
 * hour of site telemetry, longer for KPIs, alerts and incidents) whatever was committed. Of a
 * site's telemetry it decodes one reading per chart step while it drains a backlog, and the
 * newest reading whenever it has read all there was ({@link ChartSteps}, ADR-067).
 */
public final class DashboardEventHandler implements EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardEventHandler.class);
  private final DashboardModel model;
  private final DashboardSettings.Replay replay;
  private final Clock clock;
  private final ServiceMetrics metrics;
  private final Decoder decoder;
  private final ChartSteps steps;

  public DashboardEventHandler(DashboardModel model, DashboardSettings.Replay replay,
      Clock clock, ServiceMetrics metrics, Decoder decoder) {
    this.model = model;
    this.replay = replay;
    this.clock = clock;
    this.metrics = metrics;
    this.decoder = decoder;
    this.steps = new ChartSteps(model.limits().seriesResolutionMillis());
  }

  /**
   * Telemetry with routing headers goes through the chart steps (ADR-067): a reading in a step
   * of its site that already has an applied reading is passed over without being parsed (the
   * site's newest such one held for {@link #afterBatch(CaughtUp, boolean)}); any other is
   * declined, so the runtime decodes, checks (dead-lettering it with its reason if bad) and
   * {@link #handle handles} it.
   */
  @Override
  public boolean handleUndecoded(EventHeaders.Attributes routing, SourceRecord source) {
    if (!TELEMETRY.equals(routing.type()) || routing.siteId().isEmpty()) {
      return false;
    }
    return steps.passOver(routing, source);
  }

  private static final String TELEMETRY = EventTypes.of(SiteTelemetry.class).name();

  @Override
  public void handle(Envelope event, SourceRecord source) {
    if (model.apply(event) == DashboardModel.Outcome.DUPLICATE) {
      metrics.duplicateSkipped();
    }
    if (event.payload() instanceof SiteTelemetry && !event.siteId().isEmpty()) {
      steps.applied(event.siteId(), event.timestamp().toEpochMilli());
    }
  }

  /**
   * The held readings are applied once a poll has left nothing behind it (the dashboard has
   * read all there was): the site's state is then its newest reading again. While the poll
   * left records behind (a backlog being drained) they wait, and a newer step's reading of the
   * same site makes them moot.
   */
  @Override
  public void afterBatch(CaughtUp caughtUp, boolean behind) {
    if (!behind) {
      release();
    }
  }

  /** A caller that does not say whether it is behind (an offline run): released every batch. */
  @Override
  public void afterBatch(CaughtUp caughtUp) {
    release();
  }

  /** Partitions taken away: what was held of them was read, and is applied. */
  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    release();
  }

  /** Readings held by the chart steps (for tests and the benchmark). */
  public int held() {
    return steps.holding();
  }

  /**
   * Decodes and applies the held readings. One the codec refuses, or whose envelope its
   * headers misdescribe, is skipped here: like a coalesced record (ADR-033) it was passed over
   * on its headers, and the services that read every reading dead-letter it with its reason.
   */
  private void release() {
    for (ChartSteps.Held held : steps.release()) {
      if (!applyHeld(held.routing(), held.source()) && held.priorRouting() != null) {
        applyHeld(held.priorRouting(), held.priorSource()); // the step's previous newest
      }
    }
  }

  /** True if the held reading was decoded, checked and handled. */
  private boolean applyHeld(EventHeaders.Attributes routing, SourceRecord source) {
    try {
      Envelope event = decoder.decode(source);
      EventHeaders.checkRead(routing, event);
      handle(event, source);
      return true;
    } catch (InvalidEventException e) {
      LOG.debug("dashboard skips held record {}-{}@{}: {}", source.topic(), source.partition(),
          source.offset(), e.detail());
    } catch (RuntimeException e) {
      LOG.error("dashboard failed on held record {}-{}@{}", source.topic(),
          source.partition(), source.offset(), e);
    }
    return false;
  }

  /** Decodes a record's value (the service's shared decoder). */
  @FunctionalInterface
  public interface Decoder {
    Envelope decode(SourceRecord source) throws InvalidEventException;
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
