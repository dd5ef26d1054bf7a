package com.towerco.aiops.stream;

import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.metrics.ServiceMetrics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record a processor cannot handle on to {@code towerco.dlq}, with its original key,
 * value and headers and the platform's {@code dlq.*} headers, and counts it.
 */
final class DeadLetterRoute {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRoute.class);

  private final ServiceMetrics metrics;

  DeadLetterRoute(ServiceMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Dead-letters the record as FUTURE_TIMESTAMP if {@code time} is too far ahead of the clock
   * ({@link com.towerco.platform.runtime.FutureSkew}); false (nothing sent) otherwise or if null.
   */
  boolean refusedFromTheFuture(ProcessorContext<String, Emission> context,
      Record<String, byte[]> record, java.time.Instant time) {
    if (time == null) {
      return false;
    }
    String tooFar = com.towerco.platform.runtime.FutureSkew.beyond("event time", time,
        System.currentTimeMillis());
    if (tooFar == null) {
      return false;
    }
    send(context, record, RejectReason.FUTURE_TIMESTAMP, tooFar);
    return true;
  }

  void send(ProcessorContext<String, Emission> context, Record<String, byte[]> record,
      RejectReason reason, String detail) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetters.addReason(headers, reason, detail, metrics.service(), origin.topic(),
        origin.partition(), origin.offset());
    metrics.deadLettered(reason.name());
    LOG.warn("{} dead-lettered {}-{}@{}: {} {}", metrics.service(), origin.topic(),
        origin.partition(), origin.offset(), reason, detail);
    context.forward(new Record<String, Emission>(record.key(),
        new Emission.Outbound(TopicFamily.DEAD_LETTER.topic(), record.key(), record.value()),
        record.timestamp(), headers));
  }
}
