package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.testing.KafkaExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caught-up signal against a real broker: a consumer-loop service started on a backlog sees
 * its topic caught up only once every record of it was handled, not while the broker is away,
 * and again once the broker is back and the new records are handled.
 */
class CaughtUpIT {
  private static final int BACKLOG = 5_000;
  private static final int AFTER_OUTAGE = 300;

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private final EventCodec codec = new EventCodec();

  @Test
  void aTopicIsCaughtUpOnlyOnceEveryRecordWasHandledAndNotWhileTheBrokerIsAway() {
    ServiceContext context = kafka.context();
    // Commits only on close: a commit waits for the broker, and this test watches the loop
    // while the broker is away.
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "CU1");
    produce(context, topic, BACKLOG);

    AtomicInteger handled = new AtomicInteger();
    AtomicBoolean latest = new AtomicBoolean();
    List<Boolean> answers = new CopyOnWriteArrayList<>();
    List<Integer> handledWhenCaughtUp = new CopyOnWriteArrayList<>();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "caught-up",
        "caught-up-group", Pattern.compile(Pattern.quote(topic)), () -> new EventHandler() {
          @Override
          public void handle(Envelope event, SourceRecord source) {
            handled.incrementAndGet();
          }

          @Override
          public void afterBatch(CaughtUp caughtUp) {
            boolean now = caughtUp.caughtUp(topic);
            answers.add(now);
            latest.set(now);
            if (now) {
              handledWhenCaughtUp.add(handled.get());
            }
          }
        }, 1, Duration.ofHours(1)).withCatchUp(Duration.ofMillis(200),
        Duration.ofMillis(600)));
    service.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> !handledWhenCaughtUp.isEmpty());
    assertThat(answers.get(0)).as("nothing is known before the broker answered").isFalse();
    assertThat(handledWhenCaughtUp).as("caught up only with the whole backlog handled")
        .allSatisfy(n -> assertThat(n).isEqualTo(BACKLOG));

    kafka.stop();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> !latest.get());
      int answersDuringOutage = answers.size();
      await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
          .until(() -> answers.size() > answersDuringOutage);
      // a copy: the loop keeps answering while the assertion reads (a sub-list of the live
      // list fails with ConcurrentModificationException when it appends in between)
      List<Boolean> sinceOutage = List.copyOf(answers);
      assertThat(sinceOutage.subList(answersDuringOutage, sinceOutage.size()))
          .as("the broker is away: nothing is known to be read to its end").containsOnly(false);
    } finally {
      kafka.startAgain();
    }
    handledWhenCaughtUp.clear();
    produce(context, topic, AFTER_OUTAGE);
    await().atMost(Duration.ofSeconds(90))
        .until(() -> handledWhenCaughtUp.contains(BACKLOG + AFTER_OUTAGE));
    assertThat(handledWhenCaughtUp).as("caught up again only with the new records handled")
        .allSatisfy(n -> assertThat(n).isIn(BACKLOG, BACKLOG + AFTER_OUTAGE));
  }

  private void produce(ServiceContext context, String topic, int count) {
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("caught-up-test")) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "CU1", codec.encode(Envelope.of(
            EventIds.random(), "towerco", "CU1", Instant.now(), new SiteConnectivity(
                SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of()))));
      }
      producer.flush();
    }
  }
}
