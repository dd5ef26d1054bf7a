package com.towerco.platform.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the brokers, without blocking the consumer loop, for the end offsets of a consumer's
 * partitions: one ListOffsets request (last stable offsets) every {@code interval}, answered
 * per partition, so a partition whose leader is away times out alone. Called from the consumer's
 * own thread each round; answers go to a {@link CatchUpTracker} with the position they are
 * compared with. A blocking {@code KafkaConsumer#endOffsets} would stall the loop for its
 * timeout whenever a broker is down; the consumer's cached {@code currentLag} (KIP-695) is not
 * renewed while a partition's leader is away, so it would keep saying "no lag".
 */
final class EndOffsetProbe {
  private static final Logger LOG = LoggerFactory.getLogger(EndOffsetProbe.class);
  private final Admin admin;
  private final long intervalMillis;
  private final int timeoutMillis;
  private Map<TopicPartition, KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo>> pending =
      new HashMap<>();
  private long sentAt;
  private boolean deniedLogged;

  EndOffsetProbe(Admin admin, Duration interval, Duration timeout) {
    this.admin = admin;
    this.intervalMillis = interval.toMillis();
    this.timeoutMillis = (int) timeout.toMillis();
  }

  /**
   * Hands the answers that arrived to {@code tracker} (with the position now, if known), and
   * sends the next request once the last one is answered and {@code interval} has passed.
   */
  void round(CatchUpTracker tracker, Function<TopicPartition, OptionalLong> position,
      long now) {
    for (Iterator<Map.Entry<TopicPartition, KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo>>>
        it = pending.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (!entry.getValue().isDone()) {
        continue;
      }
      it.remove();
      TopicPartition tp = entry.getKey();
      try {
        long end = entry.getValue().get().offset();
        OptionalLong at = position.apply(tp);
        if (at.isPresent()) {
          tracker.answered(tp, at.getAsLong(), end, sentAt);
        } else {
          tracker.unknown(tp);
        }
      } catch (ExecutionException e) {
        tracker.unknown(tp);
        if (e.getCause() instanceof AuthorizationException && !deniedLogged) {
          deniedLogged = true;
          LOG.warn("end offsets of {} refused ({}): its partitions never count as caught up",
              tp.topic(), e.getCause().toString());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    Set<TopicPartition> assigned = tracker.assigned();
    if (!pending.isEmpty() || assigned.isEmpty() || now - sentAt < intervalMillis) {
      return;
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    assigned.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    sentAt = now;
    ListOffsetsResult result = admin.listOffsets(latest,
        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMillis));
    assigned.forEach(tp -> pending.put(tp, result.partitionResult(tp)));
  }
}
