package com.towerco.platform.runtime;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A failure that may pass if the same work is tried again (a database connection dropped, a
 * timeout). A handler may throw it to ask for a retry; the runtimes also treat the usual
 * transient exceptions this way ({@link #isTransient}). A record whose handling still fails
 * after a few attempts is dead-lettered with the reason.
 */
public class TransientFailure extends RuntimeException {
  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }

  public TransientFailure(String message) {
    super(message);
  }

  /** True if {@code e} or one of its causes is a failure worth retrying. */
  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransientFailure || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException || t instanceof IOException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code e} comes from Kafka itself (an output could not be sent, the broker is
   * unreachable): not the record's fault, so it is never dead-lettered for it; the loop reads
   * the batch again instead.
   */
  public static boolean isBroker(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KafkaException) {
        return true;
      }
    }
    return false;
  }
}
