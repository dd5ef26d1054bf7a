package com.towerco.benchmarks.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.platform.runtime.ServiceContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where an alert was between the feed's write and the probe's read, seen from outside the
 * engine: a reader of the engine's correlation input (its {@code alerts-by-region} repartition
 * topic) and of the operator's alert topic that answers at the first byte ({@code
 * fetch.min.bytes} 1), so the moment it reads a record is within a few milliseconds of the
 * broker's append. With the feed's acknowledgement ({@link AlertTrips.Trip#written}) and the
 * probe's read this cuts each alert's trip into the engine's site stage (fetch, rules, the
 * repartition write), its correlation stage (the repartition fetch, correlation, the alert's
 * write) and the probe's own fetch.
 */
final class AlertHops implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The engine's site alerts to correlation ({@code <application id>-alerts-by-region-...}). */
  private static final String REPARTITION_SUFFIX = "-alerts-by-region-repartition";

  /** Nanosecond clock readings per alert id: its correlation input first seen. */
  private final Map<String, Long> correlationInput = new ConcurrentHashMap<>();
  /** Per alarm event id (the alert's first evidence): its alert first seen, and the alert id. */
  private final Map<String, Long> alertAppended = new ConcurrentHashMap<>();
  private final Map<String, String> alertIdOf = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private AlertHops(ServiceContext context, String alertTopic) {
    EventCodec codec = new EventCodec();
    thread = new Thread(() -> {
      Map<String, Object> props = context.clients().consumerProperties("bench-latency-hops",
          "bench-latency-hops");
      props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
      props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
      try (KafkaConsumer<String, byte[]> consumer = context.clients().consumer(props)) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : consumer.listTopics().keySet()) {
          if (topic.endsWith(REPARTITION_SUFFIX) || topic.equals(alertTopic)) {
            consumer.partitionsFor(topic).forEach(
                p -> partitions.add(new TopicPartition(topic, p.partition())));
          }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        while (running) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
            long now = System.nanoTime();
            if (r.topic().endsWith(REPARTITION_SUFFIX)) {
              correlationInput(r.value(), now);
            } else {
              alert(codec, r.value(), now);
            }
          }
        }
      }
    }, "bench-latency-hops");
  }

  static AlertHops start(ServiceContext context, String alertTopic) {
    AlertHops hops = new AlertHops(context, alertTopic);
    hops.thread.setDaemon(true);
    hops.thread.start();
    return hops;
  }

  private void correlationInput(byte[] value, long now) {
    try {
      // the engine's JSON names fields in snake case (events' Json mapper)
      JsonNode alertId = JSON.readTree(value).path("alert").path("alert_id");
      if (alertId.isTextual()) {
        correlationInput.putIfAbsent(alertId.asText(), now);
      }
    } catch (IOException e) {
      // not a correlation input
    }
  }

  private void alert(EventCodec codec, byte[] value, long now) {
    try {
      Envelope event = codec.decode(value);
      if (event.payload() instanceof AlertFiring firing && !firing.evidenceEventIds().isEmpty()) {
        String alarm = firing.evidenceEventIds().get(0);
        alertAppended.putIfAbsent(alarm, now);
        alertIdOf.putIfAbsent(alarm, firing.alertId());
      }
    } catch (InvalidEventException e) {
      // not ours
    }
  }

  /** The alarm's correlation input and alert seen, nanosecond clock; 0 where not seen. */
  long[] of(String alarmEventId) {
    String alertId = alertIdOf.get(alarmEventId);
    long input = alertId == null ? 0 : correlationInput.getOrDefault(alertId, 0L);
    return new long[] {input, alertAppended.getOrDefault(alarmEventId, 0L)};
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
