package com.towerco.ingest;

import com.towerco.events.TopicFamily;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.time.Clock;
import java.util.List;

/**
 * Builds the ingest gateway as a platform service named {@code ingest}; its settings are in
 * {@link IngestSettings}.
 */
public final class IngestGatewayServiceFactory implements ServiceFactory {
  public static final String NAME = "ingest";

  private final Clock clock;

  public IngestGatewayServiceFactory() {
    this(Clock.systemUTC());
  }

  public IngestGatewayServiceFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return "towerco-ingest";
  }

  @Override
  public String description() {
    return "takes what sites send (MQTT, HTTP, SNMP traps) onto the site topics";
  }

  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME).reads(TopicFamily.INVENTORY)
        .writes(TopicFamily.SITE_EVENTS, TopicFamily.DEAD_LETTER);
  }

  @Override
  public List<Setting<?>> settings() {
    return IngestSettings.ALL;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return new IngestGatewayService(context,
        IngestSettings.of(settings, context.config().instanceId()), clock);
  }
}
