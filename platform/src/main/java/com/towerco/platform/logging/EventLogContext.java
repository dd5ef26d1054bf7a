package com.towerco.platform.logging;

import com.towerco.events.Envelope;
import org.slf4j.MDC;

/**
 * Puts the event being handled into the logging context (SLF4J MDC) while its handler runs, so
 * every log line it causes, the runtime's own failure line included, carries {@code event_id},
 * {@code event_type} and, when the event has one, {@code correlation_id} (fields of each line
 * in the JSON log format, {@code TOWERCO_LOG_FORMAT=json}). The runtimes call {@link #enter}
 * before a handler call and {@link #clear} after it.
 */
public final class EventLogContext {
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String CORRELATION_ID = "correlation_id";

  private EventLogContext() {}

  public static void enter(Envelope event) {
    MDC.put(EVENT_ID, event.eventId());
    MDC.put(EVENT_TYPE, event.eventType());
    String correlation = event.metadata().get(CORRELATION_ID);
    if (correlation == null) {
      MDC.remove(CORRELATION_ID);
    } else {
      MDC.put(CORRELATION_ID, correlation);
    }
  }

  public static void clear() {
    MDC.remove(EVENT_ID);
    MDC.remove(EVENT_TYPE);
    MDC.remove(CORRELATION_ID);
  }
}
