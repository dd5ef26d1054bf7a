package com.towerco.ingest.onboarding;

import com.towerco.events.TopicFamily;
import com.towerco.ingest.IngestSettings;
import com.towerco.platform.dlq.Redriver;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.time.Clock;

/** Builds the inventory service ({@link InventoryService}), named {@code inventory}. */
public final class InventoryServiceFactory implements ServiceFactory {
  public static final String NAME = "inventory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return "towerco-inventory";
  }

  @Override
  public String description() {
    return "site onboarding (CSV import, NOC API) and every site's and tenant's topics at "
        + "registration";
  }

  @Override
  public KafkaAccess kafkaAccess() {
    // reading the dead letters and re-driving (Redriver) releases events held for onboarding
    KafkaAccess access = KafkaAccess.of(NAME).reads(TopicFamily.INVENTORY,
            TopicFamily.DEAD_LETTER)
        .writes(TopicFamily.INVENTORY, TopicFamily.SITE_EVENTS, TopicFamily.DEAD_LETTER)
        .transactionalIds(Redriver.TRANSACTIONAL_ID);
    for (TopicFamily family : Onboarding.TENANT_FAMILIES) {
      access = access.writes(family);
    }
    return access;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return new InventoryService(context, Clock.systemUTC(),
        IngestSettings.HOLD_UNKNOWN_SITES.from(settings));
  }
}
