package com.towerco.aiops;

import static com.towerco.testing.SiteBuilder.aSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.EventTypes;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ADR-057 on the in-process KRaft broker: a site event stamped two hours ahead of the clock
 * (beyond the broker's one-hour {@code message.timestamp.after.max.ms}, so the engine could not
 * write anything stamped with it) goes to {@code towerco.dlq} as FUTURE_TIMESTAMP, raw, whether
 * it carries routing headers (judged on admission) or not (judged once decoded); the engine
 * stays running and the site's next, normal alarm still becomes an alert.
 */
class FutureTimestampIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void anEventFromTheFarFutureIsDeadLetteredAndTheEngineKeepsAlerting() {
    ServiceContext context = kafka.context();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant ahead = now.plus(Duration.ofHours(2));
    Envelope headerless;
    Envelope withHeaders;
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("FT1", aSite().inRegion("north").withTenant("altel").build(),
          now.minusSeconds(60));
      feeder.register("FT2", aSite().inRegion("south").withTenant("altel").build(),
          now.minusSeconds(60));
      headerless = feeder.site("FT1", ahead, alarm("gen-future"));
      withHeaders = feeder.withHeaders(Envelope.of(EventIds.random(),
          context.config().operatorTenant(), "FT2", ahead, alarm("gen-future"),
          Map.of("producer", "test")));
      feeder.flush();
    }
    // Alerts go out as they fire, not once their problem settles (event time that this test
    // does not advance further).
    PlatformService engine = new AiopsEngineServiceFactory().create(context,
        new ServiceSettings(Map.of("aiops.notify-after-settle", "false")));
    engine.start();
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())));
         TopicReader alerts = new TopicReader(kafka.bootstrapServers(),
             Pattern.compile("towerco\\.alerts\\..+\\.notifications"))) {
      await().atMost(PATIENCE).until(engine::isReady);
      List<ConsumerRecord<String, byte[]>> dead = dlq.readUntil(
          seen -> futureTimestamps(seen).size() >= 2, PATIENCE);
      assertThat(futureTimestamps(dead)).extracting(ConsumerRecord::value)
          .anySatisfy(v -> assertThat(Arrays.equals(v, context.codec().encode(headerless)))
              .as("the headerless record, raw").isTrue())
          .anySatisfy(v -> assertThat(Arrays.equals(v, context.codec().encode(withHeaders)))
              .as("the record with routing headers, raw").isTrue());

      try (EventFeeder feeder = new EventFeeder(context)) {
        feeder.site("FT1", Instant.now(), alarm("gen-now"));
        feeder.site("FT2", Instant.now(), alarm("gen-now"));
        feeder.flush();
      }
      alerts.readUntil(seen -> alerts.events(EventTypes.of(AlertFiring.class).name()).stream()
          .map(Envelope::siteId).distinct().count() == 2, PATIENCE);
      assertThat(alerts.events(EventTypes.of(AlertFiring.class).name()))
          .as("nothing stamped from the future got through")
          .allSatisfy(e -> assertThat(e.timestamp()).isBefore(now.plus(Duration.ofHours(1))));
      assertThat(engine.isReady()).as("the engine is still running").isTrue();
      assertThat(engine.isLive()).isTrue();
      assertThat(context.metrics().registry().find("towerco_dlq")
          .tag("reason", RejectReason.FUTURE_TIMESTAMP.name()).counter())
          .as("counted as a dead letter").isNotNull()
          .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(2));
    } finally {
      engine.close();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> futureTimestamps(
      List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().filter(r -> RejectReason.FUTURE_TIMESTAMP.name().equals(
        DeadLetters.header(r.headers(), DeadLetters.REASON))).toList();
  }

  private static SiteAlarm alarm(String id) {
    return new SiteAlarm(id, SiteAlarm.AlarmState.RAISED, SiteAlarm.PerceivedSeverity.CRITICAL,
        SiteAlarm.X733EventType.EQUIPMENT, SiteAlarm.ProbableCause.GENERATOR_FAILURE,
        "GENERATOR_FAILURE", "plant/1", null, null);
  }
}
