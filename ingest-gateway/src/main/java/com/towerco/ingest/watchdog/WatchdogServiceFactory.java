package com.towerco.ingest.watchdog;

import com.towerco.events.TopicFamily;
import com.towerco.ingest.domain.SilenceWatch;
import com.towerco.platform.config.Setting;
import com.towerco.platform.kafka.FetchPace;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.time.Duration;
import java.util.List;

/**
 * The silent-site watchdog, named {@code watchdog}: one consumer group over every site topic;
 * its settings are declared in {@link #settings()}. One watch per consumer instance, so one
 * instance (the default).
 */
public final class WatchdogServiceFactory implements ServiceFactory {
  public static final String NAME = "watchdog";
  static final String GROUP_ID = "towerco-watchdog";

  static final Setting<Duration> CADENCE = Setting.duration("watchdog.cadence",
      Duration.ofMinutes(1), "The reporting cadence assumed until a site's own is learned.");
  static final Setting<Integer> SILENT_CADENCES = Setting.integer("watchdog.silent-cadences",
      5, 1, 1_000, "How many cadences of silence (event time) make a site lost.");
  static final Setting<Duration> MIN_SILENCE = Setting.duration("watchdog.min-silence",
      Duration.ofMinutes(2), "A site is never lost after less silence than this.");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return GROUP_ID;
  }

  @Override
  public String description() {
    return "a site silent for N reporting cadences gets site.connectivity lost (and restored)";
  }

  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME).reads(TopicFamily.SITE_EVENTS, TopicFamily.INVENTORY)
        .writes(TopicFamily.SITE_EVENTS).groups(GROUP_ID);
  }

  @Override
  public List<Setting<?>> settings() {
    return List.of(CADENCE, SILENT_CADENCES, MIN_SILENCE);
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    SilenceWatch watch = new SilenceWatch(CADENCE.from(settings),
        SILENT_CADENCES.from(settings), MIN_SILENCE.from(settings));
    return new ConsumerService(context, NAME, GROUP_ID, TopicFamily.SITE_EVENTS.pattern(),
        outputs -> new WatchdogHandler(watch, context.sites(), outputs.publisher(),
            context.config().operatorTenant()), 1, Duration.ofSeconds(2)).paced(PACE);
  }

  /**
   * Off the alert path (ADR-025): a site is silent after several missed cadences (minutes),
   * so reading its events a second later changes no decision, while an eager reader of every
   * site topic costs the broker a fetch over all of them every 50 ms.
   */
  public static final FetchPace PACE = FetchPace.BACKGROUND;
}
