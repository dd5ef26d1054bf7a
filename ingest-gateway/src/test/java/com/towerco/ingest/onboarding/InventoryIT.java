package com.towerco.ingest.onboarding;

import static com.towerco.testing.SiteBuilder.aSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteDecommissioned;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.ingest.domain.SiteSheet;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void registeringASiteCreatesItsAndItsTenantsTopicsAndDecommissioningRemovesIt()
      throws Exception {
    ServiceContext context = kafka.context();
    PlatformService service = new InventoryServiceFactory().create(context,
        ServiceSettings.empty());
    service.start();
    try (Admin admin = Admin.create(java.util.Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get())
          .doesNotContain("towerco.alerts.altel.notifications");

      // an import: the topics exist before the registration is published
      var rows = SiteSheet.parse(new StringReader(com.towerco.ingest.domain.SiteSheetTest.HEADER
          + "N0001,North hub,north,,true,9.05,7.49,true,true,false,400,1000,3.5,"
          + "altel:99.9:46:56:4\n")).rows();
      var onboarding = new Onboarding(context.outputs("test", "").publisher(), context.topics(),
          context.config().operatorTenant(), java.time.Clock.systemUTC());
      onboarding.register(rows, "test");
      assertThat(admin.listTopics().names().get()).as("every site group topic, none per site")
          .containsAll(TopicFamily.SITE_EVENTS.topics())
          .doesNotContain("towerco.sites.N0001.events");
      assertThat(admin.listTopics().names().get()).contains(
          "towerco.alerts.altel.notifications", "towerco.kpis.altel.metrics",
          "towerco.incidents.altel.lifecycle", "towerco.alerts.towerco.notifications");

      // a registration by anyone else (the simulator): the inventory service provisions it
      try (EventFeeder feeder = new EventFeeder(context)) {
        feeder.register("Z0001", aSite().withTenant("zeta").build(), Instant.now());
        feeder.flush();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get()
          .containsAll(Set.of("towerco.alerts.zeta.notifications",
              "towerco.notifications.zeta.deliveries")));
      assertThat(admin.listTopics().names().get()).doesNotContain("towerco.sites.Z0001.events");

      onboarding.decommission("N0001", "lease ended", "test");
      await().atMost(Duration.ofSeconds(10)).until(() -> context.sites().site("N0001")
          .isEmpty());
      assertThat(context.sites().site("Z0001")).isPresent();
    } finally {
      service.close();
    }
    try (TopicReader inventory = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.INVENTORY.topic())))) {
      inventory.readUntil(r -> inventory.events().stream()
          .anyMatch(e -> e.payload() instanceof SiteDecommissioned), Duration.ofSeconds(10));
      assertThat(inventory.events().stream().filter(e -> e.siteId().equals("N0001"))
          .map(Envelope::payload).map(p -> p.getClass().getSimpleName()))
          .containsExactly(SiteRegistered.class.getSimpleName(),
              SiteDecommissioned.class.getSimpleName());
    }
  }
}
