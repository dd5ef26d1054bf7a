package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsumerServiceIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void deadLettersABadRecordWithItsReasonAndKeepsProcessing() {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "DLQ1");
    List<Envelope> handled = new CopyOnWriteArrayList<>();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "probe-service",
        "probe-service-group", only(topic),
        () -> (event, source) -> handled.add(event), 1, Duration.ofMillis(200)));
    service.start();

    EventCodec codec = new EventCodec();
    Envelope good = Envelope.of(EventIds.random(), "towerco", "DLQ1", Instant.now(),
        new SiteConnectivity(SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of());
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("dlq-test")) {
      producer.send(new ProducerRecord<>(topic, "DLQ1",
          "{not json".getBytes(StandardCharsets.UTF_8)));
      producer.send(new ProducerRecord<>(topic, "DLQ1", codec.encode(good)));
      producer.flush();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
    assertThat(handled.get(0)).isEqualTo(good);
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = deadLetterOf(dlq, "probe-service", topic);
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON))
          .isEqualTo("MALFORMED_JSON");
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.SERVICE))
          .isEqualTo("probe-service");
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.TOPIC)).isEqualTo(topic);
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.OFFSET)).isNotBlank();
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }
    assertThat(context.metrics().forService("probe-service").totalDeadLettered()).isEqualTo(1);
  }

  /**
   * A handler that refuses an event ({@link InvalidEventException}: a site it does not know,
   * say) dead-letters it with the handler's reason at once, not as PROCESSING_FAILED after
   * retries, and the loop goes on with the next record.
   */
  @Test
  void anEventTheHandlerRefusesIsDeadLetteredWithTheHandlersReason() {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "DLQ2");
    List<Envelope> handled = new CopyOnWriteArrayList<>();
    List<String> attempts = new CopyOnWriteArrayList<>();
    EventCodec codec = new EventCodec();
    Envelope refused = connectivity("DLQ2");
    Envelope good = connectivity("DLQ2");
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "refusing-service",
        "refusing-service-group", only(topic), () -> (event, source) -> {
          attempts.add(event.eventId());
          if (event.eventId().equals(refused.eventId())) {
            throw new InvalidEventException(RejectReason.UNKNOWN_SITE, "refused on purpose");
          }
          handled.add(event);
        }, 1, Duration.ofMillis(200)));
    service.start();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("refuse-test")) {
      producer.send(new ProducerRecord<>(topic, "DLQ2", codec.encode(refused)));
      producer.send(new ProducerRecord<>(topic, "DLQ2", codec.encode(good)));
      producer.flush();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
    assertThat(handled.get(0)).isEqualTo(good);
    assertThat(attempts).containsExactly(refused.eventId(), good.eventId());
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = deadLetterOf(dlq, "refusing-service", topic);
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON))
          .isEqualTo("UNKNOWN_SITE");
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.TOPIC)).isEqualTo(topic);
      assertThat(dead.value()).isEqualTo(codec.encode(refused));
    }
    assertThat(context.metrics().forService("refusing-service").totalDeadLettered())
        .isEqualTo(1);
  }

  /**
   * An event stamped two hours ahead of the clock, once with routing headers and once without,
   * is dead-lettered as FUTURE_TIMESTAMP and never reaches the handler (whose state runs on
   * event time); the event after it is handled.
   */
  @Test
  void anEventStampedTooFarAheadOfTheClockIsDeadLetteredBeforeTheHandler() {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "DLQ3");
    List<Envelope> handled = new CopyOnWriteArrayList<>();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "clock-service",
        "clock-service-group", only(topic), () -> (event, source) -> handled.add(event), 1,
        Duration.ofMillis(200)));
    service.start();
    EventCodec codec = new EventCodec();
    Instant ahead = Instant.now().plus(Duration.ofHours(2));
    Envelope withHeaders = connectivity("DLQ3", ahead);
    Envelope without = connectivity("DLQ3", ahead);
    Envelope good = connectivity("DLQ3", Instant.now());
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("clock-test")) {
      producer.send(new ProducerRecord<>(topic, null, "DLQ3", codec.encode(withHeaders),
          com.towerco.platform.kafka.EventHeaders.of(withHeaders)));
      producer.send(new ProducerRecord<>(topic, "DLQ3", codec.encode(without)));
      producer.send(new ProducerRecord<>(topic, "DLQ3", codec.encode(good)));
      producer.flush();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
    assertThat(handled).containsExactly(good);
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = dlq.readUntil(r -> deadLetters(r, "clock-service", topic).size() == 2,
          Duration.ofSeconds(30));
      assertThat(deadLetters(dead, "clock-service", topic)).allSatisfy(d -> {
        assertThat(DeadLetters.header(d.headers(), DeadLetters.REASON))
            .isEqualTo("FUTURE_TIMESTAMP");
        assertThat(DeadLetters.header(d.headers(), DeadLetters.DETAIL))
            .contains(ahead.toString(), "ahead of the clock");
      }).extracting(d -> new String(d.value(), StandardCharsets.UTF_8))
          .as("both raw").containsExactlyInAnyOrder(
              new String(codec.encode(withHeaders), StandardCharsets.UTF_8),
              new String(codec.encode(without), StandardCharsets.UTF_8));
    }
    assertThat(context.metrics().forService("clock-service").totalDeadLettered()).isEqualTo(2);
  }

  private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>
      deadLetters(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> read,
          String service, String topic) {
    return read.stream().filter(d -> service.equals(
            DeadLetters.header(d.headers(), DeadLetters.SERVICE))
        && topic.equals(DeadLetters.header(d.headers(), DeadLetters.TOPIC))).toList();
  }

  /**
   * One test's own site topic: the class's tests share a broker, and a service of one test
   * reading the others' topics would handle and dead-letter their records too.
   */
  private static Pattern only(String topic) {
    return Pattern.compile(Pattern.quote(topic));
  }

  private static Envelope connectivity(String site, Instant at) {
    return Envelope.of(EventIds.random(), "towerco", site, at,
        new SiteConnectivity(SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of());
  }

  private static Envelope connectivity(String site) {
    return connectivity(site, Instant.now());
  }

  /**
   * The first dead letter a service wrote of a topic's records (the class's tests share one
   * broker and its DLQ).
   */
  private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> deadLetterOf(
      TopicReader dlq, String service, String topic) {
    java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>
        ours = d -> service.equals(DeadLetters.header(d.headers(), DeadLetters.SERVICE))
            && topic.equals(DeadLetters.header(d.headers(), DeadLetters.TOPIC));
    return dlq.readUntil(r -> r.stream().anyMatch(ours), Duration.ofSeconds(30))
        .stream().filter(ours).findFirst().orElseThrow();
  }

  @Test
  void aConsumerLoopThatDiedReportsNotLiveWhileAStoppedOneStaysLive() {
    ServiceContext context = kafka.context();
    // Not a site topic: the other test reads every site topic.
    String topic = context.topics().ensure(TopicFamily.KPI_METRICS, "live1");
    ConsumerService dying = kafka.closeAfterAll(new ConsumerService(context, "dying-service",
        "dying-service-group", Pattern.compile(Pattern.quote(topic)),
        () -> (event, source) -> {
          throw new StackOverflowError("a bug no retry can fix");
        }, 1, Duration.ofMillis(200)));
    dying.start();
    assertThat(dying.isLive()).isTrue();

    EventCodec codec = new EventCodec();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("live-test")) {
      producer.send(new ProducerRecord<>(topic, "LIVE1", codec.encode(Envelope.of(
          EventIds.random(), "towerco", "LIVE1", Instant.now(), new SiteConnectivity(
              SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of()))));
      producer.flush();
    }

    // The worker thread dies of the Error on purpose; Awaitility would report that uncaught
    // Error itself if it happened while waiting (it does whenever the record arrives after the
    // wait began, e.g. with the consumers' 50 ms fetch wait), instead of the liveness we check.
    await().atMost(Duration.ofSeconds(30)).dontCatchUncaughtExceptions()
        .until(() -> !dying.isLive());
    assertThat(dying.isReady()).isFalse();
    dying.close();
    assertThat(dying.isLive()).as("a service closed on purpose is not a dead loop").isTrue();
  }

  @Test
  void aLoopThatKeepsFailingForOtherReasonsThanKafkaGivesUpAndReportsNotLive() {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.KPI_METRICS, "live2");
    ConsumerService failing = kafka.closeAfterAll(new ConsumerService(context,
        "failing-service", "failing-service-group", Pattern.compile(Pattern.quote(topic)),
        () -> new EventHandler() {
          @Override
          public void handle(Envelope event, SourceRecord source) {}

          @Override
          public void afterBatch() {
            throw new IllegalStateException("a bug that fails every batch");
          }
        }, 1, Duration.ofMillis(200)).withRetryPolicy(3, Duration.ofMillis(10)));
    failing.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> !failing.isLive());
    assertThat(context.metrics().forService("failing-service").totalRereads())
        .as("it went back to its committed offsets each time before giving up")
        .isGreaterThan(3);
  }

  @Test
  void committedOffsetReachesTheEndOfATopicWrittenInTransactions() throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.KPI_METRICS, "txn1");
    List<Long> handled = new CopyOnWriteArrayList<>();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "txn-service",
        "txn-service-group", Pattern.compile(Pattern.quote(topic)),
        () -> (event, source) -> handled.add(source.offset()), 1, Duration.ofMillis(200)));
    service.start();

    EventCodec codec = new EventCodec();
    Map<String, Object> props = context.clients().producerProperties("txn-test");
    props.put(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTIONAL_ID_CONFIG, "txn-test");
    try (KafkaProducer<String, byte[]> producer = context.clients().producer(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, 0, "TXN1", codec.encode(Envelope.of(
            EventIds.random(), "towerco", "TXN1", Instant.now(), new SiteConnectivity(
                SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of()))));
      }
      producer.commitTransaction();
    }

    org.apache.kafka.common.TopicPartition partition =
        new org.apache.kafka.common.TopicPartition(topic, 0);
    try (org.apache.kafka.clients.admin.Admin admin = context.clients().admin()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 3);
      long last = handled.get(2);
      // commitTransaction() returns once the coordinator has decided; the marker is appended to
      // the partition after that, so the end offset is read until it includes it.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(endOffset(admin, partition)).as("the commit marker after the last record")
              .isEqualTo(last + 2));
      long end = last + 2;
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var committed = admin.listConsumerGroupOffsets("txn-service-group")
            .partitionsToOffsetAndMetadata().get().get(partition);
        assertThat(committed).isNotNull();
        assertThat(committed.offset()).as("past the marker: lag 0, not 1").isEqualTo(end);
      });
    }
  }

  @Test
  void aPacedLoopDrainsABacklogOfManyFetchesWithoutWaitingOutItsRounds() {
    // ADR-042: a fetch response carries at most KafkaClients.FETCH_MAX_BYTES, so a reader far
    // behind gets polls short of max.poll.records; a paced loop took those for "caught up" and
    // read one fetch a second. Records of ~1 KB that compression cannot shrink much: 60,000 are
    // some 40 fetches.
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.KPI_METRICS, "backlog1");
    int count = 60_000;
    EventCodec codec = new EventCodec();
    java.util.Random random = new java.util.Random(42);
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("backlog-test")) {
      for (int i = 0; i < count; i++) {
        byte[] noise = new byte[600];
        random.nextBytes(noise);
        producer.send(new ProducerRecord<>(topic, "BACKLOG1", codec.encode(Envelope.of(
            EventIds.random(), "towerco", "BACKLOG1", Instant.now(), new SiteConnectivity(
                SiteConnectivity.ConnectivityState.REACHABLE, null, null),
            Map.of("noise", java.util.Base64.getEncoder().encodeToString(noise))))));
      }
      producer.flush();
    }
    java.util.concurrent.atomic.AtomicInteger handled =
        new java.util.concurrent.atomic.AtomicInteger();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context,
        "backlog-service", "backlog-service-group", Pattern.compile(Pattern.quote(topic)),
        () -> (event, source) -> handled.incrementAndGet(), 1, Duration.ofMillis(200))
        .paced(com.towerco.platform.kafka.FetchPace.BACKGROUND));
    long started = System.nanoTime();
    service.start();

    await().atMost(Duration.ofSeconds(90)).until(() -> handled.get() == count);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("read on at once while behind, not one fetch per one-second round")
        .isLessThan(Duration.ofSeconds(20));
  }

  private static long endOffset(org.apache.kafka.clients.admin.Admin admin,
      org.apache.kafka.common.TopicPartition partition) throws Exception {
    return admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
        .all().get().get(partition).offset();
  }
}
