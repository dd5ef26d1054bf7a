package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.AcknowledgeIncident;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.kafka.DeadLetters;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At least once, for real: the broker is stopped while telemetry and commands flow through a
 * consumer-loop service whose outputs are in flight. Afterwards every input has its output or
 * its dead letter (counted once per input, by id), nothing good was dead-lettered because of the
 * outage, and the loop went back to its committed offsets rather than committing past outputs
 * that were never written.
 */
class BrokerOutageIT {
  private static final String OPERATOR = "towerco";
  private static final List<String> SITES = List.of("OUT1", "OUT2", "OUT3");
  private static final int INPUTS = 600;
  private static final int HALT_AT = 201;
  private static final Duration OUTAGE = Duration.ofSeconds(8);

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private final EventCodec codec = new EventCodec();
  private final CountDownLatch halted = new CountDownLatch(1);
  private final CountDownLatch brokerStopped = new CountDownLatch(1);
  private final CountDownLatch brokerBack = new CountDownLatch(1);
  private final AtomicBoolean flakyFailed = new AtomicBoolean();

  @Test
  void everyInputHasItsOutputOrItsDeadLetterAfterTheBrokerWasAway() throws Exception {
    ServiceContext context = kafka.context(kafka.config().withClientProperties(Map.of(
        // Short client timeouts, so outputs sent while the broker is away fail within the test.
        "producer.delivery.timeout.ms", "5000",
        "producer.request.timeout.ms", "2000",
        "producer.max.block.ms", "4000",
        "consumer.default.api.timeout.ms", "4000",
        "consumer.request.timeout.ms", "3000",
        "admin.default.api.timeout.ms", "4000",
        "admin.request.timeout.ms", "3000")));
    for (String site : SITES) {
      context.topics().ensure(TopicFamily.SITE_EVENTS, site);
      context.topics().ensure(TopicFamily.KPI_METRICS, OPERATOR);
    }
    context.topics().ensure(TopicFamily.INCIDENT_COMMANDS, OPERATOR);
    context.topics().ensure(TopicFamily.INCIDENT_LIFECYCLE, OPERATOR);
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "echo",
        "echo-group", ConsumerService.anyOf(TopicFamily.SITE_EVENTS.pattern(),
            TopicFamily.INCIDENT_COMMANDS.pattern()),
        outputs -> (event, source) -> echo(outputs, event), 1, Duration.ofMillis(300)));
    service.start();

    Inputs inputs = new Inputs();
    Thread feeder = new Thread(() -> feed(inputs), "outage-feeder");
    feeder.start();

    assertThat(halted.await(60, TimeUnit.SECONDS)).as("handler reached input %d", HALT_AT)
        .isTrue();
    kafka.stop();
    brokerStopped.countDown();
    Thread.sleep(OUTAGE.toMillis());
    kafka.startAgain();
    try (TopicReader probe = new TopicReader(kafka.bootstrapServers(), Pattern.compile(
        Pattern.quote(TopicFamily.INCIDENT_COMMANDS.topic(OPERATOR))))) {
      probe.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(60)); // the broker serves again
    }
    brokerBack.countDown();
    feeder.join(120_000);
    for (Future<RecordMetadata> sent : inputs.sends) {
      sent.get(60, TimeUnit.SECONDS);
    }

    Set<String> expectedOutputs = new HashSet<>();
    inputs.good.forEach(id -> expectedOutputs.add(EventIds.derived("echo", id)));
    try (TopicReader out = new TopicReader(kafka.bootstrapServers(), ConsumerService.anyOf(
        TopicFamily.KPI_METRICS.pattern(), TopicFamily.INCIDENT_LIFECYCLE.pattern()));
        TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
            Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      out.readUntil(r -> distinctIds(r).containsAll(expectedOutputs), Duration.ofSeconds(60));
      List<ConsumerRecord<String, byte[]>> dead = dlq.readUntil(
          r -> deadLetterOrigins(r).size() >= inputs.bad.size(), Duration.ofSeconds(60));
      List<ConsumerRecord<String, byte[]>> outputs = out.readFor(Duration.ofSeconds(3));
      dead = dlq.readFor(Duration.ofSeconds(1));

      assertThat(distinctIds(outputs)).as("one output per good input, counted by id")
          .isEqualTo(expectedOutputs);
      Map<String, String> reasons = new HashMap<>();
      for (ConsumerRecord<String, byte[]> r : dead) {
        reasons.put(DeadLetters.header(r.headers(), DeadLetters.TOPIC) + "@"
            + DeadLetters.header(r.headers(), DeadLetters.PARTITION) + "@"
            + DeadLetters.header(r.headers(), DeadLetters.OFFSET),
            DeadLetters.header(r.headers(), DeadLetters.REASON));
      }
      assertThat(reasons).as("exactly the bad inputs are dead-lettered, none for the outage")
          .isEqualTo(inputs.bad);
    }
    assertThat(context.metrics().forService("echo").totalRereads())
        .as("the loop read again instead of committing past unwritten outputs")
        .isPositive();
    assertThat(service.isLive()).isTrue();
    await().atMost(Duration.ofSeconds(60)).until(service::isReady);
  }

  /** One output per input, with an id derived from the input's (so a re-read repeats it). */
  private void echo(ServiceContext.Outputs outputs, Envelope event) throws Exception {
    if (event.payload() instanceof AcknowledgeIncident ack) {
      if (ack.incidentId().equals("POISON")) {
        throw new IllegalStateException("this command always fails");
      }
      if (ack.incidentId().equals("FLAKY") && flakyFailed.compareAndSet(false, true)) {
        throw new TransientFailure("the database blinked");
      }
    }
    boolean halt = event.payload() instanceof AcknowledgeIncident ack
        && ack.incidentId().equals("I-" + HALT_AT) && halted.getCount() > 0;
    if (halt) {
      // Output sent while the broker is away (it fails after the delivery timeout); the loop
      // then goes on only once the broker is back, so its commit would succeed: only the
      // confirmation of the outputs stops it from committing past the lost one.
      halted.countDown();
      brokerStopped.await(60, TimeUnit.SECONDS);
    }
    Envelope output = new Envelope(EventIds.derived("echo", event.eventId()), event.eventType(),
        event.tenantId(), event.siteId(), event.timestamp(), event.version(), event.payload(),
        event.metadata());
    if (event.payload() instanceof AcknowledgeIncident) {
      outputs.publisher().publish(TopicFamily.INCIDENT_LIFECYCLE, OPERATOR, event.siteId(),
          output);
    } else {
      outputs.publisher().publish(TopicFamily.KPI_METRICS, OPERATOR, event.siteId(), output);
    }
    if (halt) {
      brokerBack.await(60, TimeUnit.SECONDS);
    }
  }

  /** What was sent: ids of good inputs, and the origin and reason of each bad one. */
  private static final class Inputs {
    final List<String> good = new ArrayList<>();
    final Map<String, String> bad = new HashMap<>();
    final List<Future<RecordMetadata>> sends = new ArrayList<>();
  }

  private void feed(Inputs inputs) {
    Instant start = Instant.now();
    try (KafkaProducer<String, byte[]> producer = kafka.context().clients()
        .producer("outage-feeder")) {
      for (int i = 0; i < INPUTS; i++) {
        String site = SITES.get(i % SITES.size());
        Instant at = start.plusMillis(i);
        String topic;
        byte[] value;
        String id = EventIds.random();
        String reason = null;
        if (i % 97 == 13) {
          topic = TopicFamily.SITE_EVENTS.topic(site);
          value = ("{broken " + i).getBytes(StandardCharsets.UTF_8);
          reason = "MALFORMED_JSON";
        } else if (i % 2 == 0) {
          topic = TopicFamily.SITE_EVENTS.topic(site);
          value = codec.encode(Envelope.of(id, OPERATOR, site, at, new SiteConnectivity(
              SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of()));
        } else {
          String incident = i == 301 ? "POISON" : i == 151 ? "FLAKY" : "I-" + i;
          if (incident.equals("POISON")) {
            reason = "PROCESSING_FAILED";
          }
          topic = TopicFamily.INCIDENT_COMMANDS.topic(OPERATOR);
          value = codec.encode(Envelope.of(id, OPERATOR, site, at,
              new AcknowledgeIncident(incident, null, "ada", null), Map.of()));
        }
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, site, value));
        synchronized (inputs) {
          inputs.sends.add(sent);
          if (reason == null) {
            inputs.good.add(id);
          } else {
            RecordMetadata meta = sent.get(120, TimeUnit.SECONDS);
            inputs.bad.put(topic + "@" + meta.partition() + "@" + meta.offset(), reason);
          }
        }
        if (i % 20 == 0) {
          Thread.sleep(20);
        }
      }
      producer.flush();
    } catch (Exception e) {
      throw new IllegalStateException("feeding failed", e);
    }
  }

  private Set<String> distinctIds(List<ConsumerRecord<String, byte[]>> records) {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      try {
        ids.add(codec.decode(r.value()).eventId());
      } catch (Exception e) {
        throw new AssertionError("an output that is not an event", e);
      }
    }
    return ids;
  }

  private static Set<String> deadLetterOrigins(List<ConsumerRecord<String, byte[]>> records) {
    Set<String> origins = new HashSet<>();
    records.forEach(r -> origins.add(DeadLetters.header(r.headers(), DeadLetters.OFFSET) + "@"
        + DeadLetters.header(r.headers(), DeadLetters.TOPIC)));
    return origins;
  }
}
