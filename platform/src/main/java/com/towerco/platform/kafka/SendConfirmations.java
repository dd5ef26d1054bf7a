package com.towerco.platform.kafka;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The outcome of every record sent through one producer since the last check. A consumer loop
 * must not commit the offsets of an input whose outputs (events or dead letters) were not
 * written: {@code flush()} waits for the sends but does not report failures, and nobody looks
 * at the returned futures. Sends made through {@link #send} record their failure here; after a
 * flush, {@link #confirm} throws if any send since the previous confirmation failed, and the
 * loop then reads those inputs again instead of committing past them.
 */
public final class SendConfirmations {
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final AtomicLong failures = new AtomicLong();

  /** Sends {@code record} and remembers if it fails. */
  public <K, V> java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>
      send(Producer<K, V> producer, ProducerRecord<K, V> record) {
    return producer.send(record, callback());
  }

  /** Sends {@code record}, remembers if it fails, then calls {@code done} (if not null). */
  public <K, V> java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>
      send(Producer<K, V> producer, ProducerRecord<K, V> record, Callback done) {
    if (done == null) {
      return send(producer, record);
    }
    Callback recorded = callback();
    return producer.send(record, (metadata, exception) -> {
      recorded.onCompletion(metadata, exception);
      done.onCompletion(metadata, exception);
    });
  }

  private Callback callback() {
    return (metadata, exception) -> {
      if (exception != null) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, exception);
      }
    };
  }

  /**
   * Throws {@link UnconfirmedSends} if a send since the last call failed, and starts afresh
   * either way. Call it after {@code producer.flush()}, which waits for every send to complete
   * (and its callback to run).
   */
  public void confirm() {
    Exception failure = firstFailure.getAndSet(null);
    if (failure != null) {
      throw new UnconfirmedSends(failure);
    }
  }

  /** Failed sends seen since this producer was created. */
  public long failures() {
    return failures.get();
  }

  /** At least one output was not written; the inputs that caused it must be read again. */
  public static final class UnconfirmedSends extends org.apache.kafka.common.KafkaException {
    UnconfirmedSends(Exception cause) {
      super("an output record was not written: " + cause, cause);
    }
  }
}
