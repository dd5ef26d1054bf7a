package com.towerco.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.dashboard.domain.Fixtures;
import com.towerco.dashboard.domain.SiteDetail;
import com.towerco.dashboard.domain.SiteStatus;
import com.towerco.dashboard.domain.TelemetryPoint;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's chart steps through the real consumer loop and broker (ADR-067): of readings
 * of one site within one chart step, the first makes the point and the rest are passed over on
 * their headers, yet once the dashboard has read all there was the site shows its newest
 * reading (state, status, the step's point); a malformed reading that would open a step is
 * decoded and dead-lettered by the dashboard with its reason.
 */
class DashboardChartStepsIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

  @Test
  void theSiteShowsItsNewestReadingOfAStepAndABadOneIsDeadLettered() throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "S1");
    long stepMillis = 10_000; // 30 min / 180 points
    Instant step = Instant.ofEpochMilli(
        Math.floorDiv(System.currentTimeMillis(), stepMillis) * stepMillis - 60_000);
    List<Envelope> readings = List.of(
        Fixtures.reading("S1", step.plusSeconds(1), true, false, 91, "opA"),
        Fixtures.reading("S1", step.plusSeconds(4), false, false, 84, "opA"),
        Fixtures.reading("S1", step.plusSeconds(8), false, false, 78, "opA"));
    Envelope bad = Fixtures.reading("S1", step.plusSeconds(10), true, false, 10, "opA");
    EventCodec codec = new EventCodec();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("steps-test")) {
      for (Envelope e : readings) {
        producer.send(new ProducerRecord<>(topic, null, "S1", codec.encode(e),
            EventHeaders.of(e)));
      }
      producer.send(new ProducerRecord<>(topic, null, "S1", NOT_JSON, EventHeaders.of(bad)));
      producer.flush();
    }

    try (DashboardService service = (DashboardService) new DashboardServiceFactory()
        .create(context, ServiceSettings.empty())) {
      service.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> service.model().queries()
          .site(Viewer.noc(), "S1").map(d -> d.conditions().at().equals(step.plusSeconds(8)))
          .orElse(false));
      SiteDetail detail = service.model().queries().site(Viewer.noc(), "S1").orElseThrow();
      assertThat(detail.site().status()).isEqualTo(SiteStatus.ON_BATTERY);
      assertThat(detail.powerChain().batterySocPct()).isEqualTo(78.0);
      assertThat(detail.series().site().get(TelemetryPoint.BATTERY_SOC_PCT).v())
          .containsExactly(78.0);

      try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
          Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
        List<ConsumerRecord<String, byte[]>> dead = dlq.readUntil(
            r -> r.stream().anyMatch(DashboardChartStepsIT::dashboards), Duration.ofSeconds(30))
            .stream().filter(DashboardChartStepsIT::dashboards).toList();
        assertThat(dead).hasSize(1);
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON))
            .isEqualTo("MALFORMED_JSON");
      }
    }
  }

  private static boolean dashboards(ConsumerRecord<String, byte[]> record) {
    return DashboardService.NAME.equals(DeadLetters.header(record.headers(),
        DeadLetters.SERVICE));
  }
}
