package com.towerco.app.system;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.aiops.AiopsEngineServiceFactory;
import com.towerco.kpi.KpiCalculatorServiceFactory;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adding an instance of a service shares the work: site topics have several partitions and
 * events are keyed by site, so the partitions of many site topics spread over both instances
 * (Kafka Streams makes one task per partition number across a pattern, so one-partition site
 * topics would leave the second instance idle).
 */
class ScaleOutIT {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @ParameterizedTest
  @ValueSource(strings = {"kpi", "aiops"})
  void twoInstancesOfAServiceBothTakeAShareOfTheSites(String service) throws Exception {
    ServiceFactory factory = service.equals("kpi") ? new KpiCalculatorServiceFactory()
        : new AiopsEngineServiceFactory();
    PlatformConfig base = kafka.config(4);
    ServiceContext one = kafka.context(base.withInstanceId(service + "-a"));
    ServiceContext two = kafka.context(base.withInstanceId(service + "-b"));
    PlatformService a = kafka.closeAfterAll(factory.create(one, ServiceSettings.empty()));
    PlatformService b = kafka.closeAfterAll(factory.create(two, ServiceSettings.empty()));
    a.start();
    b.start();
    List<String> sites = java.util.stream.IntStream.rangeClosed(1, 12)
        .mapToObj(i -> service.toUpperCase() + "X" + i).toList();
    try (EventFeeder feeder = new EventFeeder(one)) {
      for (String site : sites) {
        feeder.register(site, aSite().build(), T0);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> a.isReady() && b.isReady());
      // Keep the fleet reporting (a second of event time per round) until the group has
      // settled and both instances have had a share, or give up after a while.
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      for (int s = 0; System.nanoTime() < deadline
          && (processed(one, factory) == 0 || processed(two, factory) == 0); s++) {
        for (String site : sites) {
          feeder.site(site, T0.plusSeconds(s), aReading().build());
        }
        feeder.flush();
        Thread.sleep(200);
      }
    }
    assertThat(processed(one, factory)).as("first instance's share").isPositive();
    assertThat(processed(two, factory)).as("second instance's share").isPositive();
  }

  private static long processed(ServiceContext context, ServiceFactory factory) {
    return context.metrics().forService(factory.name()).totalIn();
  }
}
