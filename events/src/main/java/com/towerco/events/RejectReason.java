package com.towerco.events;

/**
 * Why a record could not be decoded. The code travels in the dead-letter topic's
 * {@code dlq.reason} header, so operators can count and replay by cause.
 */
public enum RejectReason {
  MALFORMED_JSON,
  MISSING_FIELD,
  WRONG_TYPE,
  UNKNOWN_EVENT_TYPE,
  UNKNOWN_VERSION,
  SCHEMA_VIOLATION,
  OVERSIZED,
  /** Sent to the ingest gateway for a site the inventory does not know (or no longer has). */
  UNKNOWN_SITE,
  /**
   * Stamped further in the future than the allowed skew: sent so to the ingest gateway
   * ({@code ingest.max-future-skew}), or read so by any service (ADR-057): each keeps its
   * state on event time, which one such event would move past every real one.
   */
  FUTURE_TIMESTAMP,
  /** Sent to the ingest gateway by a gateway that may not report for that site. */
  SITE_NOT_ALLOWED,
  /** Decoded fine, but the service failed while processing it. */
  PROCESSING_FAILED,
  /** A delivery (for example a notification) that exhausted its retries. */
  DELIVERY_FAILED
}
