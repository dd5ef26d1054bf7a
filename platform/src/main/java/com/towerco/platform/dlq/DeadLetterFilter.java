package com.towerco.platform.dlq;

import java.time.Instant;

/**
 * Which dead letters to list or replay: by reason ({@code MALFORMED_JSON}, ...), by the service
 * that dead-lettered them, by original topic, and by time dead-lettered ({@code since}
 * inclusive, {@code until} exclusive). A null field matches everything.
 */
public record DeadLetterFilter(String reason, String service, String topic, Instant since,
    Instant until) {

  public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null);

  public boolean matches(DeadLetter letter) {
    return (reason == null || reason.equalsIgnoreCase(letter.reason()))
        && (service == null || service.equals(letter.service()))
        && (topic == null || topic.equals(letter.originTopic()))
        && (since == null || !letter.time().isBefore(since))
        && (until == null || letter.time().isBefore(until));
  }

  public boolean isEmpty() {
    return reason == null && service == null && topic == null && since == null && until == null;
  }
}
