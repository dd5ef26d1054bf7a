package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.testing.KafkaExtension;
import java.time.Clock;
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

/**
 * A read model's feed skips an event stamped further ahead of the clock than
 * {@link FutureSkew#ALLOWED}, with routing headers or without, as it skips an invalid one (the
 * services that own the record dead-letter it, ADR-057): a view's state runs on event time.
 */
class ViewFeedIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void skipsEventsStampedTooFarAheadOfTheClockAndAppliesTheRest() throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "VF1");
    Instant ahead = Instant.now().plus(Duration.ofHours(2));
    Envelope before = connectivity(Instant.now());
    Envelope aheadWithHeaders = connectivity(ahead);
    Envelope aheadWithout = connectivity(ahead);
    Envelope after = connectivity(Instant.now());
    EventCodec codec = new EventCodec();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("view-feed-test")) {
      producer.send(new ProducerRecord<>(topic, null, "VF1", codec.encode(before),
          EventHeaders.of(before)));
      producer.send(new ProducerRecord<>(topic, null, "VF1", codec.encode(aheadWithHeaders),
          EventHeaders.of(aheadWithHeaders)));
      producer.send(new ProducerRecord<>(topic, "VF1", codec.encode(aheadWithout)));
      producer.send(new ProducerRecord<>(topic, null, "VF1", codec.encode(after),
          EventHeaders.of(after)));
      producer.flush();
    }
    List<Envelope> applied = new CopyOnWriteArrayList<>();
    try (ViewFeed feed = new ViewFeed(context.clients(), context.decoder(), null,
        List.of(ViewFeed.Source.fromBeginning(Pattern.compile(Pattern.quote(topic)), 1)),
        (event, source) -> applied.add(event), Clock.systemUTC(), "view-feed-it")) {
      feed.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains(after));
    }
    assertThat(applied).containsExactly(before, after);
  }

  private static Envelope connectivity(Instant at) {
    return Envelope.of(EventIds.random(), "towerco", "VF1", at,
        new SiteConnectivity(SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of());
  }
}
