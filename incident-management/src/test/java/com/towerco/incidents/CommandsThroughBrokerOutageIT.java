package com.towerco.incidents;

import static com.towerco.testing.SiteBuilder.aSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incident service's command processing (a platform consumer loop) while the broker goes
 * away in the middle of a stream of commands: afterwards every valid command has opened its
 * incident exactly once (one lifecycle event id per incident, version 1 in the read model: a
 * re-read command is not applied twice), every malformed record is dead-lettered once, and the
 * loop went back to its committed offsets instead of committing past what it could not write.
 */
class CommandsThroughBrokerOutageIT {
  private static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");
  private static final int COMMANDS = 120;
  private static final Duration OUTAGE = Duration.ofSeconds(8);

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private final EventCodec codec = new EventCodec();

  @Test
  void everyCommandIsHandledOnceThoughTheBrokerWasAwayInTheMiddle() throws Exception {
    ServiceContext context = kafka.context(kafka.config().withClientProperties(Map.of(
        "producer.delivery.timeout.ms", "5000",
        "producer.request.timeout.ms", "2000",
        "producer.max.block.ms", "4000",
        "consumer.default.api.timeout.ms", "4000",
        "consumer.request.timeout.ms", "3000",
        "admin.default.api.timeout.ms", "4000",
        "admin.request.timeout.ms", "3000")));
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("H1", aSite().asHub().withTenant("gamma").build(), T0);
      feeder.register("S1", aSite().behindHub("H1").withTenant("altel").build(), T0);
      feeder.flush();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> context.sites().site("S1").isPresent());
    RunningService running = new RunningService(context, ServiceSettings.empty(),
        new MutableClock(T0));
    String topic = TopicFamily.INCIDENT_COMMANDS.topic("towerco");
    List<String> incidents = new ArrayList<>();
    Map<String, String> malformed = new HashMap<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = kafka.context().clients()
        .producer("outage-commands")) {
      for (int i = 0; i < COMMANDS; i++) {
        if (i == COMMANDS / 2) {
          kafka.stop();
          Thread.sleep(OUTAGE.toMillis());
          kafka.startAgain();
        }
        if (i % 40 == 7) {
          RecordMetadata at = producer.send(new ProducerRecord<>(topic, "bad-" + i,
              ("{not a command " + i).getBytes(StandardCharsets.UTF_8))).get(120,
              TimeUnit.SECONDS);
          malformed.put(at.partition() + "@" + at.offset(), "MALFORMED_JSON");
          continue;
        }
        String id = "inc-" + i;
        incidents.add(id);
        Envelope command = Envelope.of(EventIds.derived("open", id), "towerco", "H1",
            T0.plusSeconds(i), open(id), Map.of("producer", "aiops-engine"));
        sends.add(producer.send(new ProducerRecord<>(topic, id, codec.encode(command))));
        Thread.sleep(20);
      }
      producer.flush();
    }
    for (Future<RecordMetadata> sent : sends) {
      sent.get(120, TimeUnit.SECONDS);
    }

    try (TopicReader lifecycle = new TopicReader(kafka.bootstrapServers(), Pattern.compile(
        Pattern.quote(TopicFamily.INCIDENT_LIFECYCLE.topic("towerco"))));
        TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
            Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      lifecycle.readUntil(r -> openedIds(lifecycle).keySet().containsAll(incidents),
          Duration.ofSeconds(90));
      lifecycle.readFor(Duration.ofSeconds(2));
      Map<String, Set<String>> opened = openedIds(lifecycle);
      assertThat(opened.keySet()).containsExactlyInAnyOrderElementsOf(incidents);
      opened.forEach((incident, eventIds) -> assertThat(eventIds).as(incident).hasSize(1));

      List<ConsumerRecord<String, byte[]>> dead = dlq.readUntil(r -> origins(r).size()
          >= malformed.size(), Duration.ofSeconds(60));
      dead = dlq.readFor(Duration.ofSeconds(1));
      assertThat(origins(dead)).isEqualTo(malformed);
    }
    for (String id : incidents) {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
          running.api.get("/api/v1/incidents/" + id).status() == 200);
      assertThat(running.api.get("/api/v1/incidents/" + id).json().get("version").asInt())
          .as("%s applied once", id).isEqualTo(1);
    }
    assertThat(context.metrics().forService(IncidentServiceFactory.NAME).totalRereads())
        .as("the loop read again instead of committing past the outage").isPositive();
    assertThat(running.service.isLive()).isTrue();
    running.close();
  }

  private static OpenIncident open(String id) {
    return new OpenIncident(id, "Hub H1 transmission failure", AlertSeverity.CRITICAL,
        new IncidentOpened.RootCause("H1", "hub-transmission-failure", "1 site lost", 0.9),
        List.of("al-" + id), List.of("S1"), List.of("altel"), T0);
  }

  /** Per incident, the distinct ids of the events that opened it. */
  private static Map<String, Set<String>> openedIds(TopicReader lifecycle) {
    Map<String, Set<String>> opened = new HashMap<>();
    for (Envelope e : lifecycle.events()) {
      if (e.payload() instanceof IncidentOpened o) {
        opened.computeIfAbsent(o.incidentId(), k -> new HashSet<>()).add(e.eventId());
      }
    }
    return opened;
  }

  private static Map<String, String> origins(List<ConsumerRecord<String, byte[]>> dead) {
    Map<String, String> origins = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : dead) {
      origins.put(DeadLetters.header(r.headers(), DeadLetters.PARTITION) + "@"
          + DeadLetters.header(r.headers(), DeadLetters.OFFSET),
          DeadLetters.header(r.headers(), DeadLetters.REASON));
    }
    return origins;
  }
}
