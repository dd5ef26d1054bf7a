package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Since;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TelemetryBuilder;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rolling upgrade of {@code site.telemetry} from 1.0 to 1.1 (one new optional field, the grid
 * frequency) on the real broker: a producer still on 1.0 and one already on 1.1 write to the
 * same site topic, interleaved; a consumer of the released contract (the platform's consumer
 * runtime, which knows 1.0) and a consumer of the next release (which knows 1.1) read every
 * event. Nothing is dead-lettered, and only the consumer that knows the field uses it.
 */
class RollingUpgradeIT {
  private static final int EVENTS = 200;

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  /** site.telemetry as the next release writes it: 1.0 plus the grid frequency. */
  @EventDefinition(name = "site.telemetry", version = "1.1", topic = TopicFamily.SITE_EVENTS,
      description = "A reading of the site's remote monitoring unit, with the grid frequency.")
  public record TelemetryOneOne(
      @Required SiteTelemetry.Mains mains,
      SiteTelemetry.Generator generator,
      @Required SiteTelemetry.Rectifier rectifier,
      @Required SiteTelemetry.Battery battery,
      SiteTelemetry.Solar solar,
      SiteTelemetry.Fuel fuel,
      @Required SiteTelemetry.Environment environment,
      @Required SiteTelemetry.Hvac hvac,
      @Required SiteTelemetry.Door door,
      @Required @Items(min = 1, max = 8) List<SiteTelemetry.TenantSupply> tenants,
      @Description("Grid frequency at the meter, Hz.") @Since("1.1") @Range(min = 40, max = 70)
      Double gridFrequencyHz) implements Payload {

    static TelemetryOneOne of(SiteTelemetry t, double gridFrequencyHz) {
      return new TelemetryOneOne(t.mains(), t.generator(), t.rectifier(), t.battery(), t.solar(),
          t.fuel(), t.environment(), t.hvac(), t.door(), t.tenants(), gridFrequencyHz);
    }
  }

  @Test
  void producersOfOneZeroAndOneOneInterleaveAndConsumersOfBothGenerationsReadEverything() {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "RU1");
    EventCatalog next = nextRelease();
    EventCodec releasedCodec = new EventCodec();
    EventCodec nextCodec = new EventCodec(next, EventCodec.DEFAULT_MAX_BYTES);

    List<Envelope> releasedReader = new CopyOnWriteArrayList<>();
    kafka.closeAfterAll(new ConsumerService(context, "telemetry-reader-1-0",
        "telemetry-reader-1-0", Pattern.compile(Pattern.quote(topic)),
        () -> (event, source) -> releasedReader.add(event), 1, Duration.ofMillis(200))).start();
    NextReleaseReader nextReader = kafka.closeAfterAll(new NextReleaseReader(context, topic,
        nextCodec));
    nextReader.start();

    List<Double> frequencies = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer10 = context.clients().producer("producer-1-0");
        KafkaProducer<String, byte[]> producer11 = context.clients().producer("producer-1-1")) {
      Instant t0 = Instant.parse("2026-11-27T05:00:00Z");
      for (int i = 0; i < EVENTS; i++) {
        SiteTelemetry reading = TelemetryBuilder.aReading().soc(90 + i % 10).build();
        Instant at = t0.plusSeconds(i);
        if (i % 2 == 0) {
          producer10.send(new ProducerRecord<>(topic, "RU1", releasedCodec.encode(Envelope.of(
              EventIds.random(), "towerco", "RU1", at, reading, Map.of("producer", "1.0")))));
        } else {
          double hz = 49.9 + (i % 20) / 100.0;
          frequencies.add(hz);
          producer11.send(new ProducerRecord<>(topic, "RU1", nextCodec.encode(new Envelope(
              EventIds.random(), "site.telemetry", "towerco", "RU1", at, "1.1",
              TelemetryOneOne.of(reading, hz), Map.of("producer", "1.1")))));
        }
      }
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> releasedReader.size() == EVENTS
        && nextReader.read.size() == EVENTS);
    assertThat(releasedReader).allSatisfy(e -> {
      assertThat(e.payload()).isInstanceOf(SiteTelemetry.class);
      assertThat(e.version()).isEqualTo("1.0");
    });
    assertThat(nextReader.read).extracting(e -> e.payloadAs(TelemetryOneOne.class)
        .gridFrequencyHz()).filteredOn(hz -> hz != null).containsExactlyElementsOf(frequencies);
    assertThat(nextReader.read).extracting(Envelope::version).containsOnly("1.0", "1.1");
    assertThat(context.metrics().forService("telemetry-reader-1-0").totalDeadLettered()).isZero();
    assertThat(nextReader.deadLettered).isZero();
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      assertThat(dlq.readFor(Duration.ofSeconds(3))).as("dead letters").isEmpty();
    }
  }

  private static EventCatalog nextRelease() {
    Set<Class<?>> classes = new java.util.LinkedHashSet<>();
    EventCatalog.bundled().all().forEach(t -> classes.add(t.payloadClass()));
    classes.remove(SiteTelemetry.class);
    classes.add(TelemetryOneOne.class);
    return EventCatalog.of(classes);
  }

  /**
   * The next release's consumer, in a process of its own in real life: decodes with the 1.1
   * contract and dead-letters what it cannot read, as the platform runtime does.
   */
  private static final class NextReleaseReader implements AutoCloseable, Runnable {
    final List<Envelope> read = new CopyOnWriteArrayList<>();
    volatile int deadLettered;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final EventCodec codec;
    private final String topic;
    private final Thread thread = new Thread(this, "telemetry-reader-1-1");
    private volatile boolean running = true;

    NextReleaseReader(ServiceContext context, String topic, EventCodec codec) {
      this.consumer = context.clients().consumer("telemetry-reader-1-1", "reader-1-1");
      this.producer = context.clients().producer("reader-1-1-dlq");
      this.deadLetters = new DeadLetters(producer,
          context.metrics().forService("telemetry-reader-1-1"));
      this.codec = codec;
      this.topic = topic;
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      consumer.subscribe(List.of(topic));
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) != null) {
            continue;
          }
          try {
            read.add(codec.decode(record.value()));
          } catch (InvalidEventException e) {
            deadLettered++;
            deadLetters.send(record, e.reason(), e.detail());
          }
        }
      }
      consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(10_000);
      producer.close();
    }
  }
}
