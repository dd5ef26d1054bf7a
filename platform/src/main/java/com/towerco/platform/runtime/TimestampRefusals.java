package com.towerco.platform.runtime;

import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.metrics.ServiceMetrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Streams service's production exception handler (ADR-057): a send the broker refused for its
 * record's timestamp ({@code message.timestamp.after.max.ms}) would be refused again on every
 * retry, failing the stream thread until the service stops; instead it goes to
 * {@code towerco.dlq} as {@code FUTURE_TIMESTAMP} (stamped now; the raw input if Streams still
 * holds it, else the refused output, with the input's topic, partition and offset) and the
 * service resumes. Every other send failure fails as before.
 */
public final class TimestampRefusals implements ProductionExceptionHandler {
  /** The config key under which {@link StreamsService} passes the service's metrics. */
  public static final String METRICS = "towerco.service-metrics";
  private static final Logger LOG = LoggerFactory.getLogger(TimestampRefusals.class);

  private ServiceMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    Object given = configs.get(METRICS);
    metrics = given instanceof ServiceMetrics m ? m : null;
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
      Exception exception) {
    if (!refusedForTimestamp(exception)) {
      return Response.fail();
    }
    String service = metrics == null ? "streams" : metrics.service();
    String origin = context.topic() == null ? "" : context.topic();
    // Streams frees the raw input once the output is serialised, so on a send's failure it is
    // usually gone: the refused output is dead-lettered instead, with where its input was.
    boolean raw = context.sourceRawValue() != null;
    String detail = "send to " + record.topic() + " stamped " + record.timestamp()
        + " refused" + (raw ? "" : " (value: the refused output; the input is at dlq.topic/"
        + "partition/offset)") + ": " + exception.getMessage();
    RecordHeaders headers = new RecordHeaders(context.headers() == null
        ? new org.apache.kafka.common.header.Header[0] : context.headers().toArray());
    DeadLetters.addReason(headers, RejectReason.FUTURE_TIMESTAMP, detail, service, origin,
        context.partition(), context.offset());
    if (metrics != null) {
      metrics.deadLettered(RejectReason.FUTURE_TIMESTAMP.name());
    }
    LOG.warn("{} dead-lettered {}-{}@{}: {} {}", service, origin, context.partition(),
        context.offset(), RejectReason.FUTURE_TIMESTAMP, detail);
    return Response.resume(List.of(new ProducerRecord<>(TopicFamily.DEAD_LETTER.topic(), null,
        System.currentTimeMillis(), raw ? context.sourceRawKey() : record.key(),
        raw ? context.sourceRawValue() : record.value(), headers)));
  }

  /** True if the broker refused the send for its timestamp (the exception or a cause). */
  static boolean refusedForTimestamp(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidTimestampException || (t instanceof InvalidRecordException
          && t.getMessage() != null && t.getMessage().startsWith("Timestamp "))) {
        return true;
      }
    }
    return false;
  }
}
