package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactional runtime through a broker outage: the loop keeps going (it does not stop on
 * the first failed transaction), and afterwards every input has exactly one output in the
 * committed log: no loss, no duplicate.
 */
class TransactionalLoopOutageIT {
  private static final int INPUTS = 300;
  private static final String SOURCE = "source";

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void everyInputHasExactlyOneCommittedOutputAfterTheBrokerWasAway() throws Exception {
    ServiceContext context = kafka.context(kafka.config().withClientProperties(Map.of(
        "producer.delivery.timeout.ms", "5000",
        "producer.request.timeout.ms", "2000",
        "producer.max.block.ms", "4000",
        "consumer.default.api.timeout.ms", "4000",
        "consumer.request.timeout.ms", "3000",
        "admin.default.api.timeout.ms", "4000",
        "admin.request.timeout.ms", "3000")));
    String input = context.topics().ensure(TopicFamily.SITE_EVENTS, "TX1");
    String output = context.topics().ensure(TopicFamily.KPI_METRICS, "towerco");
    EventCodec codec = new EventCodec();
    TransactionalLoop loop = kafka.closeAfterAll(new TransactionalLoop(context, "tx-echo",
        "tx-echo-group", Pattern.compile(Pattern.quote(input)), 50, Duration.ofMinutes(1),
        context.metrics().forService("tx-echo"), (records, tx) -> {
          for (ConsumerRecord<String, byte[]> r : records) {
            Envelope in = codec.decode(r.value());
            tx.producer().send(new ProducerRecord<>(output, r.key(), codec.encode(new Envelope(
                EventIds.derived("tx-echo", in.eventId()), in.eventType(), in.tenantId(),
                in.siteId(), in.timestamp(), in.version(), in.payload(),
                Map.of(SOURCE, r.partition() + "@" + r.offset())))));
          }
        }));
    loop.start();

    Set<String> expected = new HashSet<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = kafka.context().clients()
        .producer("tx-feeder")) {
      for (int i = 0; i < INPUTS; i++) {
        if (i == INPUTS / 2) {
          kafka.stop();
          Thread.sleep(8_000);
          kafka.startAgain();
        }
        String id = EventIds.random();
        expected.add(EventIds.derived("tx-echo", id));
        sends.add(producer.send(new ProducerRecord<>(input, "TX1", codec.encode(Envelope.of(
            id, "towerco", "TX1", Instant.now(), new SiteConnectivity(
                SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of())))));
        Thread.sleep(10);
      }
      producer.flush();
    }
    for (Future<RecordMetadata> sent : sends) {
      sent.get(120, TimeUnit.SECONDS);
    }

    // What the loop consumed: every input record (the feeder's own retries across the outage
    // may have written an event twice; each record must still have exactly one output).
    Set<String> inputRecords = new HashSet<>();
    try (TopicReader in = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(input)))) {
      in.readUntil(r -> r.size() >= INPUTS, Duration.ofSeconds(60)).forEach(r ->
          inputRecords.add(r.partition() + "@" + r.offset()));
      in.readFor(Duration.ofSeconds(1)).forEach(r ->
          inputRecords.add(r.partition() + "@" + r.offset()));
    }
    try (TopicReader out = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(output)))) {
      out.readUntil(r -> r.size() >= inputRecords.size(), Duration.ofSeconds(90));
      List<Envelope> outputs = out.readFor(Duration.ofSeconds(3)).stream().map(r -> {
        try {
          return codec.decode(r.value());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }).toList();
      assertThat(outputs.stream().map(Envelope::eventId).collect(Collectors.toSet()))
          .isEqualTo(expected);
      List<String> sources = outputs.stream().map(e -> e.metadata().get(SOURCE)).toList();
      assertThat(new HashSet<>(sources)).as("every input record has its output")
          .isEqualTo(inputRecords);
      assertThat(sources).as("read_committed: one output per input record, none twice")
          .hasSize(inputRecords.size());
    }
    assertThat(loop.isLive()).isTrue();
  }
}
