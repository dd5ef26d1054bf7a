package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import java.util.regex.Pattern;

/**
 * A read model built only from events (CQRS): it can be dropped and rebuilt by replaying its
 * topics from the beginning ({@code bin/towerco replay --projection NAME}), and a rebuilt model
 * must equal the live one. Services register theirs through {@link ProjectionSource}.
 */
public interface Projection {
  /** The name used on the command line, e.g. {@code incidents}. */
  String name();

  /** The topics it is built from. */
  Pattern topics();

  /** Drops everything the projection holds. */
  void reset() throws Exception;

  /** Applies one event; must be idempotent on {@code event_id}. */
  void apply(Envelope event, SourceRecord source) throws Exception;

  /** Makes what was applied durable (for example commits a database transaction). */
  default void flush() throws Exception {}
}
