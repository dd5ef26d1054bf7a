package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class TimestampRefusalsTest {
  private final PlatformMetrics platform = new PlatformMetrics();
  private final ServiceMetrics metrics = platform.forService("aiops");
  private final TimestampRefusals handler = new TimestampRefusals();
  /** A send stamped two hours ahead of now, as the broker refuses it (not a fixed date: it
   * would fall behind the clock). */
  private final long refusedStamp = System.currentTimeMillis() + 2 * 3_600_000L;
  private final ProducerRecord<byte[], byte[]> sent = new ProducerRecord<>(
      "towerco-aiops-engine-alerts-by-region-repartition", 0, refusedStamp,
      bytes("k"), bytes("{}"));

  TimestampRefusalsTest() {
    handler.configure(Map.of(TimestampRefusals.METRICS, metrics));
  }

  @Test
  void aSendRefusedForItsTimestampDeadLettersTheInputAndResumes() {
    var response = handler.handleError(context(), sent, new StreamsException(
        "Error encountered sending record", new InvalidTimestampException(
            "Timestamp " + refusedStamp + " of message with offset 0 is out of range.")));
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
      assertThat(dead.topic()).isEqualTo(TopicFamily.DEAD_LETTER.topic());
      assertThat(dead.value()).isEqualTo(bytes("raw input"));
      assertThat(dead.key()).isEqualTo(bytes("site-1"));
      assertThat(dead.timestamp()).isLessThan(sent.timestamp());
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON))
          .isEqualTo("FUTURE_TIMESTAMP");
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.TOPIC))
          .isEqualTo("towerco.sites.group-05.events");
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.OFFSET)).isEqualTo("19337");
      assertThat(DeadLetters.header(dead.headers(), "ce_type")).isEqualTo("site.alarm");
    });
    assertThat(platform.registry().find("towerco_dlq").tag("reason", "FUTURE_TIMESTAMP")
        .counter().count()).isEqualTo(1);
  }

  @Test
  void theOlderInvalidRecordFormOfTheRefusalCountsToo() {
    assertThat(handler.handleError(context(), sent, new InvalidRecordException(
        "Timestamp " + refusedStamp + " of message with offset 0 is out of range.")).result())
        .isEqualTo(Result.RESUME);
  }

  @Test
  void withoutTheRawInputTheRefusedOutputIsDeadLettered() {
    ErrorHandlerContext held = context();
    ErrorHandlerContext freed = new ErrorHandlerContext() {
      public String topic() { return held.topic(); }
      public int partition() { return held.partition(); }
      public long offset() { return held.offset(); }
      public Headers headers() { return held.headers(); }
      public String processorNodeId() { return held.processorNodeId(); }
      public TaskId taskId() { return held.taskId(); }
      public long timestamp() { return held.timestamp(); }
      public byte[] sourceRawKey() { return null; }
      public byte[] sourceRawValue() { return null; }
    };
    var response = handler.handleError(freed, sent, new InvalidTimestampException("Timestamp"));
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
      assertThat(dead.value()).isEqualTo(sent.value());
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.OFFSET)).isEqualTo("19337");
    });
  }

  @Test
  void anyOtherSendFailureStillFails() {
    var response = handler.handleError(context(), sent, new RecordTooLargeException("big"));
    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(handler.handleError(context(), sent, new InvalidRecordException("crc"))
        .result()).isEqualTo(Result.FAIL);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context() {
    Headers headers = new RecordHeaders().add("ce_type", bytes("site.alarm"));
    return new ErrorHandlerContext() {
      public String topic() { return "towerco.sites.group-05.events"; }
      public int partition() { return 0; }
      public long offset() { return 19_337; }
      public Headers headers() { return headers; }
      public String processorNodeId() { return "alerts-by-region-repartition-sink"; }
      public TaskId taskId() { return new TaskId(0, 0); }
      public long timestamp() { return 0; }
      public byte[] sourceRawKey() { return bytes("site-1"); }
      public byte[] sourceRawValue() { return bytes("raw input"); }
    };
  }
}
