package com.towerco.incidents.stream;

/**
 * Envelope metadata the incident service writes. Every event names the command that caused it
 * ({@code causation_id}), so a restart knows which commands are already handled and the HTTP API
 * knows when a person's command has its outcome; {@code outcome} ({@code i/n}) says which of the
 * command's events this is; {@code aggregate_version} is the version after the event.
 */
public final class Metadata {
  public static final String PRODUCER = "producer";
  public static final String PRODUCER_NAME = "incident-management";
  public static final String CAUSATION_ID = "causation_id";
  public static final String CORRELATION_ID = "correlation_id";
  public static final String COMMAND_TYPE = "command_type";
  public static final String AGGREGATE_VERSION = "aggregate_version";
  public static final String OUTCOME = "outcome";
  public static final String REQUESTED_BY = "requested_by";

  private Metadata() {}

  /** True when {@code outcome} ({@code i/n}) marks the last event of its command. */
  public static boolean lastOfCommand(String outcome) {
    if (outcome == null) {
      return false;
    }
    int slash = outcome.indexOf('/');
    return slash > 0 && outcome.substring(0, slash).equals(outcome.substring(slash + 1));
  }
}
