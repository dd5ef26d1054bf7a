package com.towerco.benchmarks.system;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Event-to-alert latency under load: telemetry flows at a fixed rate; after a settling period
 * (the services pick up the new sites' topics) alarms are raised and cleared across the sites,
 * each raise round with another probable cause so that every raise is a new alert rather than a
 * flap of the last one; for each alert the engine publishes, the time from the alarm's event
 * time (stamped when sent) to the alert arriving on the operator's alert topic.
 */
final class LatencyProbe {
  private static final Duration ALARM_EVERY = Duration.ofMillis(50);
  static final Duration SETTLE = Duration.ofSeconds(5);
  private static final List<SiteAlarm.ProbableCause> CAUSES = List.of(
      SiteAlarm.ProbableCause.RECTIFIER_FAILURE,
      SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE,
      SiteAlarm.ProbableCause.ENCLOSURE_DOOR_OPEN, SiteAlarm.ProbableCause.INTRUSION,
      SiteAlarm.ProbableCause.LOW_FUEL, SiteAlarm.ProbableCause.HIGH_TEMPERATURE,
      SiteAlarm.ProbableCause.GENERATOR_FAILURE);

  private LatencyProbe() {}

  /**
   * A producer for {@link #run} that already knows the leader of every site topic: a cold
   * producer blocks on a metadata round trip per new topic at its first send, which at
   * thousands of sites takes the warm-up and more. Looked up from a few threads so the
   * producer asks for many topics per request.
   */
  static KafkaProducer<String, byte[]> warmProducer(ServiceContext context, List<String> sites)
      throws InterruptedException {
    KafkaProducer<String, byte[]> producer = context.clients().producer("bench-latency-feed");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
        .newFixedThreadPool(16);
    try {
      for (String topic : sites.stream().map(TopicFamily.SITE_EVENTS::topic).distinct()
          .toList()) {
        pool.execute(() -> producer.partitionsFor(topic));
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
    }
    return producer;
  }

  static Histogram run(ServiceContext context, RecordFactory factory, List<String> sites,
      double ratePerSecond, Duration duration) throws InterruptedException {
    return trips(context, factory, sites, ratePerSecond, duration, new long[1]).total();
  }

  /**
   * As above, continuing the sites' alarm sequence at {@code alarmsSent[0]} (and advancing it),
   * so that several phases on the same sites each raise new alerts rather than flaps of the
   * previous phase's (a warm-up's alarms raised again are duplicates: no alert).
   */
  static AlertTrips trips(ServiceContext context, RecordFactory factory, List<String> sites,
      double ratePerSecond, Duration duration, long[] alarmsSent) throws InterruptedException {
    try (KafkaProducer<String, byte[]> producer =
        context.clients().producer("bench-latency-feed")) {
      return trips(context, producer, factory, sites, ratePerSecond, duration, alarmsSent);
    }
  }

  /** As above, through a producer of the caller's (e.g. {@link #warmProducer}). */
  static Histogram run(ServiceContext context, KafkaProducer<String, byte[]> producer,
      RecordFactory factory, List<String> sites, double ratePerSecond, Duration duration,
      long[] alarmsSent) throws InterruptedException {
    return trips(context, producer, factory, sites, ratePerSecond, duration, alarmsSent)
        .total();
  }

  /**
   * As above, each alert's trip (created, written, read) rather than only its latency: {@link
   * AlertTrips#total()} is the event-to-alert latency.
   */
  static AlertTrips trips(ServiceContext context, KafkaProducer<String, byte[]> producer,
      RecordFactory factory, List<String> sites, double ratePerSecond, Duration duration,
      long[] alarmsSent) throws InterruptedException {
    EventCodec codec = new EventCodec();
    String operator = context.config().operatorTenant();
    String alertTopic = context.topics().ensure(TopicFamily.ALERT_NOTIFICATIONS, operator);
    // per alarm: created and written (acknowledged), this process's nanosecond clock
    Map<String, Sent> sentAt = new ConcurrentHashMap<>();
    AlertTrips trips = new AlertTrips();
    AtomicBoolean producing = new AtomicBoolean(true);
    AlertHops hops = AlertHops.start(context, alertTopic);
    Thread reader = new Thread(() -> {
      try (KafkaConsumer<String, byte[]> consumer =
          context.clients().consumer("bench-latency", "bench-latency")) {
        List<TopicPartition> partitions = consumer.partitionsFor(alertTopic).stream()
            .map(p -> new TopicPartition(alertTopic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        long quietUntil = Long.MAX_VALUE;
        while (producing.get() || System.nanoTime() < quietUntil) {
          if (!producing.get() && quietUntil == Long.MAX_VALUE) {
            quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
          }
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
            record(codec, r.value(), sentAt, trips);
          }
        }
      }
    }, "bench-latency-reader");
    reader.start();
    Thread.sleep(2_000);
    try {
      long start = System.nanoTime();
      long sent = 0;
      long first = firstAlarm(alarmsSent[0], sites.size());
      long alarms = first;
      long end = start + SETTLE.toNanos() + duration.toNanos();
      while (System.nanoTime() < end) {
        long elapsed = System.nanoTime() - start;
        long due = (long) (elapsed / 1e9 * ratePerSecond);
        for (; sent < due; sent++) {
          RecordFactory.Record r = factory.next(sent, Instant.now());
          producer.send(r.toProducerRecord());
        }
        if (elapsed > SETTLE.toNanos()
            && (elapsed - SETTLE.toNanos()) / ALARM_EVERY.toNanos() >= alarms - first) {
          String site = sites.get((int) (alarms % sites.size()));
          long round = alarms / sites.size();
          boolean raise = round % 2 == 0;
          SiteAlarm.ProbableCause cause = CAUSES.get((int) (round / 2 % CAUSES.size()));
          Envelope alarm = Envelope.of(EventIds.random(), operator, site, Instant.now(),
              new SiteAlarm("BENCH-" + site + "-" + cause, raise ? SiteAlarm.AlarmState.RAISED
                  : SiteAlarm.AlarmState.CLEARED, SiteAlarm.PerceivedSeverity.MAJOR,
                  SiteAlarm.X733EventType.EQUIPMENT,
                  cause, "bench", "rectifier/1", null,
                  null), Map.of("producer", "bench"));
          Sent times = new Sent(alarm.eventId(), System.nanoTime(),
              new java.util.concurrent.atomic.AtomicLong());
          sentAt.put(alarm.eventId(), times);
          producer.send(new ProducerRecord<>(TopicFamily.SITE_EVENTS.topic(site), null, site,
              codec.encode(alarm), com.towerco.platform.kafka.EventHeaders.of(alarm)),
              (metadata, e) -> times.written().set(e == null ? System.nanoTime() : 0));
          alarms++;
        }
        Thread.sleep(1);
      }
      producer.flush();
      alarmsSent[0] = alarms;
    } finally {
      producing.set(false);
      reader.join();
      hops.close();
    }
    trips.resolve(hops::of);
    return trips;
  }

  /**
   * Where a phase's alarms start in the sequence (round r raises every site's alarm of a cause
   * when r is even and clears them when odd): where the last phase stopped if that is inside a
   * raise round (the rest of the round's sites have nothing raised), else at the next raise
   * round (a clear of an alarm that was never raised makes no alert). Jumping to the next
   * whole cycle instead, as before, raised a second cause at sites whose first was still
   * raised whenever a phase sent fewer alarms than there are sites (the 5,000-site scale run):
   * those alarms joined the open problem and made no new alert for the probe to see.
   */
  static long firstAlarm(long sent, int sites) {
    long round = sent / sites;
    return round % 2 == 0 ? sent : (round + 1) * sites;
  }

  /** An alarm sent: when created, and when its write was acknowledged (0 until then). */
  private record Sent(String alarm, long created,
      java.util.concurrent.atomic.AtomicLong written) {}

  private static void record(EventCodec codec, byte[] value, Map<String, Sent> sentAt,
      AlertTrips trips) {
    try {
      Envelope event = codec.decode(value);
      if (event.payload() instanceof AlertFiring firing && !firing.evidenceEventIds().isEmpty()) {
        Sent sent = sentAt.remove(firing.evidenceEventIds().get(0));
        if (sent != null) {
          trips.add(new AlertTrips.Trip(sent.alarm(), sent.created(), sent.written().get(),
              System.nanoTime(), 0, 0));
        }
      }
    } catch (InvalidEventException e) {
      // not ours
    }
  }
}
