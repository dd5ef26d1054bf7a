package com.towerco.incidents.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.incidents.IncidentService;
import com.towerco.incidents.domain.incident.IncidentStatus;
import com.towerco.incidents.view.IncidentProjection;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incident view's snapshot (ADR-023) on a real broker: a clean stop writes it; the next
 * instance restores it and reads only what came after its offsets (new incidents, and a new event
 * of a restored incident), so it holds everything while applying only the tail.
 */
class ViewSnapshotIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void aRestartRestoresTheSnapshotAndReadsOnlyWhatCameAfterIt() throws Exception {
    ServiceContext first = kafka.context();
    String topic = first.topics().ensure(TopicFamily.INCIDENT_LIFECYCLE, "towerco");
    try (KafkaProducer<String, byte[]> producer = first.clients().producer("snapshot-it")) {
      for (int n = 0; n < 20; n++) {
        send(first, producer, topic, opened("inc-" + n));
      }
      producer.flush();
    }
    IncidentService before = new IncidentService(first, ServiceSettings.empty(),
        Clock.systemUTC());
    before.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> before.isReady()
          && before.readModels().incidents().incidents("towerco").size() == 20);
    } finally {
      before.close();
    }
    Path file = first.config().dataDir().resolve("snapshots").resolve("incidents-view.snapshot");
    assertThat(file).as("written on the clean stop").exists();
    long written = Files.getLastModifiedTime(file).toMillis();

    try (KafkaProducer<String, byte[]> producer = first.clients().producer("snapshot-it-2")) {
      for (int n = 20; n < 25; n++) {
        send(first, producer, topic, opened("inc-" + n));
      }
      send(first, producer, topic, new IncidentAcknowledged("inc-3", "ada", "on it",
          T0.plusSeconds(600)));
      producer.flush();
    }

    ServiceContext second = kafka.context(); // its own metrics, the same data directory
    IncidentService after = new IncidentService(second, ServiceSettings.empty(),
        Clock.systemUTC());
    after.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> after.isReady()
          && after.readModels().incidents().incidents("towerco").size() == 25
          && after.readModels().incidents().incident("towerco", "inc-3").orElseThrow()
              .timeline().size() == 2);
      assertThat(second.metrics().forService("incidents-view").totalIn())
          .as("only the 6 events after the snapshot were read").isEqualTo(6);
      IncidentProjection.IncidentRecord three = after.readModels().incidents()
          .incident("towerco", "inc-3").orElseThrow();
      assertThat(three.state().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
      assertThat(three.timeline().get(0).payload()).isInstanceOf(IncidentOpened.class);
      assertThat(after.readModels().incidents().incident("towerco", "inc-7").orElseThrow()
          .state().facts().title()).isEqualTo("Mains failure at S7");
    } finally {
      after.close();
    }
    assertThat(Files.getLastModifiedTime(file).toMillis()).as("rewritten on the second stop")
        .isGreaterThanOrEqualTo(written);
  }

  private static IncidentOpened opened(String id) {
    String site = "S" + id.substring(4);
    return new IncidentOpened(id, "Mains failure at " + site, AlertSeverity.MAJOR,
        new IncidentOpened.RootCause(site, "mains-failure", "mains lost", 0.9),
        List.of("al-" + id), List.of(site), List.of("altel"), T0);
  }

  private static void send(ServiceContext context, KafkaProducer<String, byte[]> producer,
      String topic, IncidentEvent event) {
    Envelope envelope = Envelope.of(EventIds.random(), "towerco", "S1", T0, event,
        Map.of(Metadata.CAUSATION_ID, EventIds.random(), Metadata.PRODUCER,
            Metadata.PRODUCER_NAME));
    producer.send(new ProducerRecord<>(topic, event.incidentId(), context.codec()
        .encode(envelope)));
  }
}
