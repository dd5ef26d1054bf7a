package com.towerco.incidents.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.incidents.IncidentService;
import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.domain.incident.IncidentEvolution;
import com.towerco.incidents.domain.sla.SlaLedger;
import com.towerco.incidents.view.IncidentProjection;
import com.towerco.platform.runtime.PartitionLoader;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How long the command processor takes to rebuild its write model from the lifecycle topic,
 * and that the rebuild folds to exactly the states the events describe; then how long the whole
 * service takes to be ready from the topics and from its read-model snapshot (ADR-023), that
 * the restored model is the replayed one, and that a damaged snapshot is ignored. Runs with 50,000
 * events; {@code -Dincidents.restart.events=1000000} measures the million-event case.
 */
class RestartAtScaleIT {
  private static final int EVENTS = Integer.getInteger("incidents.restart.events", 50_000);
  private static final int PER_INCIDENT = 10;
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void theWriteModelRebuildsFromTheLifecycleTopicToTheStatesItsEventsDescribe()
      throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.INCIDENT_LIFECYCLE, "towerco");
    IncidentAggregate incidents = new IncidentAggregate(DispatchSaga.Timeouts.DEFAULTS);
    AggregateCatalog catalog = new AggregateCatalog(List.of(incidents, new SlaLedger()));
    Map<String, Incident> expected = new HashMap<>();
    long bytes = 0;
    long produceStart = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("restart-bench")) {
      for (int n = 0; n < EVENTS / PER_INCIDENT; n++) {
        String id = "inc-" + n;
        Incident state = null;
        for (IncidentEvent e : history(id, T0.plusSeconds(n))) {
          Envelope envelope = Envelope.of(EventIds.random(), "towerco", "S" + (n % 500),
              T0.plusSeconds(n), e, Map.of(Metadata.CAUSATION_ID, EventIds.random(),
                  Metadata.PRODUCER, Metadata.PRODUCER_NAME));
          byte[] value = context.codec().encode(envelope);
          bytes += value.length;
          producer.send(new ProducerRecord<>(topic, id, value));
          state = IncidentEvolution.evolve(state, e);
        }
        expected.put(id, state);
      }
      producer.flush();
    }
    double produceS = (System.nanoTime() - produceStart) / 1e9;

    long start = System.nanoTime();
    Map<String, Incident> rebuilt = new HashMap<>();
    long events = 0;
    int handled = 0;
    try (PartitionLoader loader = new PartitionLoader(context.clients(), context.decoder(),
        "restart-bench-loader")) {
      for (int p = 0; p < context.config().tenantTopicPartitions(); p++) {
        AggregateStates states = new AggregateStates();
        events += loader.load(new TopicPartition(topic, p), e -> states.replay(catalog, e));
        rebuilt.putAll(states.all(incidents));
        handled += states.handledCount();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.out.printf("restart: %,d events (%,d MB, written in %.1f s) folded into %,d incidents"
        + " in %.2f s = %,.0f events/s; heap used %,d MB%n", events, bytes >> 20, produceS,
        rebuilt.size(), seconds, events / seconds, (rt.totalMemory() - rt.freeMemory()) >> 20);

    assertThat(events).isEqualTo(EVENTS);
    assertThat(handled).as("every event's command is known as handled").isEqualTo(EVENTS);
    assertThat(rebuilt).isEqualTo(expected);
    expected.clear();
    rebuilt.clear();

    // Without a snapshot: the service replays every lifecycle event. A clean stop writes one.
    Path snapshot = context.config().dataDir().resolve("snapshots")
        .resolve("incidents-view.snapshot");
    Files.deleteIfExists(snapshot);
    Map<String, Incident> states = new HashMap<>();
    Map<String, Integer> timelines = new HashMap<>();
    startAndTime(context, "from the topics (cold)", service -> {
      for (IncidentProjection.IncidentRecord r
          : service.readModels().incidents().incidents("towerco")) {
        states.put(r.state().incidentId(), r.state());
        timelines.put(r.state().incidentId(), r.timeline().size());
      }
    });
    assertThat(states).hasSize(EVENTS / PER_INCIDENT);
    assertThat(snapshot).as("written on the clean stop").exists();
    System.out.printf("restart: snapshot %,d MB%n", Files.size(snapshot) >> 20);
    // The measured restart without a snapshot is the second one, as warm as the one with it.
    Path aside = snapshot.resolveSibling("aside");
    Files.move(snapshot, aside);
    double full = startAndTime(context, "from the topics (warm)", service -> { });
    Files.move(aside, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    // With the snapshot: restored, then only the (empty) tail read; the same model.
    double restored = startAndTime(context, "from the snapshot", service -> {
      List<IncidentProjection.IncidentRecord> all =
          service.readModels().incidents().incidents("towerco");
      assertThat(all).hasSize(EVENTS / PER_INCIDENT);
      for (IncidentProjection.IncidentRecord r : all) {
        assertThat(r.state()).isEqualTo(states.get(r.state().incidentId()));
        assertThat(r.timeline()).hasSize(timelines.get(r.state().incidentId()));
      }
      IncidentProjection.IncidentRecord one = all.get(0);
      assertThat(one.timeline().get(0).payload()).isInstanceOf(IncidentOpened.class);
    });
    System.out.printf("restart: ready in %.2f s from the topics, %.2f s from the snapshot "
        + "(%.1f x) after %,d lifecycle events%n", full, restored, full / restored, EVENTS);

    // A damaged snapshot is ignored with a warning: the service rebuilds from the topics.
    try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 0xFF);
    }
    startAndTime(context, "from the topics (damaged snapshot)", service ->
        assertThat(service.readModels().incidents().incidents("towerco"))
            .hasSize(EVENTS / PER_INCIDENT));
  }

  /** Starts the service, times until it is ready, checks it, stops it (writing a snapshot). */
  private static double startAndTime(ServiceContext context, String how,
      java.util.function.Consumer<IncidentService> check) {
    long start = System.nanoTime();
    IncidentService service = new IncidentService(context, ServiceSettings.empty(),
        Clock.systemUTC());
    service.start();
    try {
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
          .until(service::isReady);
      double ready = (System.nanoTime() - start) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.gc();
      System.out.printf("restart: the whole service (write model and read models) is ready in"
          + " %.2f s %s; heap used after GC %,d MB%n", ready, how,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      check.accept(service);
      return ready;
    } finally {
      long stop = System.nanoTime();
      service.close();
      System.out.printf("restart: stopped in %.2f s%n", (System.nanoTime() - stop) / 1e9);
    }
  }

  /** A typical incident's ten events: opened, alerts, acknowledgement, notes, resolution. */
  private static List<IncidentEvent> history(String id, Instant t) {
    List<IncidentEvent> events = new ArrayList<>();
    events.add(new IncidentOpened(id, "Mains failure with generator start failure at S1",
        AlertSeverity.MAJOR, new IncidentOpened.RootCause("S1", "generator-start-failure",
            "mains lost and the generator did not start; batteries discharging", 0.85),
        List.of("al-" + id + "-1"), List.of("S1"), List.of("altel", "beta"), t));
    for (int a = 2; a <= 5; a++) {
      events.add(new IncidentAlertAttached(id, "al-" + id + "-" + a, "S1", t.plusSeconds(a),
          List.of("altel")));
    }
    events.add(new IncidentAcknowledged(id, "ada", "looking", t.plusSeconds(60)));
    for (int note = 1; note <= 3; note++) {
      events.add(new IncidentNoteAdded(id, "n" + note, "called the field team, ETA 40 min",
          "ada", note == 1, t.plusSeconds(60 + note)));
    }
    events.add(new IncidentResolved(id, t.plusSeconds(3600), "mains restored", null));
    return events;
  }
}
