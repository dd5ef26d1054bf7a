package com.towerco.ingest.watchdog;

import com.towerco.events.TopicFamily;
import com.towerco.ingest.domain.SilenceWatch;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.time.Duration;

/**
 * The silent-site watchdog, named {@code watchdog}: one consumer group over every site topic.
 * Settings: {@code watchdog.cadence} (the reporting cadence assumed until a site's is learned,
 * default {@code PT1M}), {@code watchdog.silent-cadences} (how many cadences of silence make a
 * site lost, default 5), {@code watchdog.min-silence} (never less than this, default
 * {@code PT2M}). One watch per consumer instance, so one instance (the default).
 */
public final class WatchdogServiceFactory implements ServiceFactory {
  public static final String NAME = "watchdog";
  static final String GROUP_ID = "towerco-watchdog";

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
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    SilenceWatch watch = new SilenceWatch(
        Duration.parse(settings.string("watchdog.cadence", "PT1M")),
        settings.integer("watchdog.silent-cadences", 5),
        Duration.parse(settings.string("watchdog.min-silence", "PT2M")));
    return new ConsumerService(context, NAME, GROUP_ID, TopicFamily.SITE_EVENTS.pattern(),
        outputs -> new WatchdogHandler(watch, context.sites(), outputs.publisher(),
            context.config().operatorTenant()), 1, Duration.ofSeconds(2));
  }
}
