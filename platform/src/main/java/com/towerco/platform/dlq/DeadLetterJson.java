package com.towerco.platform.dlq;

import java.util.LinkedHashMap;
import java.util.Map;

/** A dead letter as JSON fields, for {@code dlq list --json}, {@code dlq show} and the NOC API. */
public final class DeadLetterJson {
  private DeadLetterJson() {}

  /**
   * The letter's fields, its headers, its value as text (cut to {@code maxValueChars}) and its
   * re-drive if there was one.
   */
  public static Map<String, Object> of(DeadLetter letter, DeadLetterLog.Redrive redrive,
      int maxValueChars) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", letter.id());
    json.put("dead_lettered_at", letter.time().toString());
    json.put("service", letter.service());
    json.put("reason", letter.reason());
    json.put("detail", letter.detail());
    json.put("topic", letter.originTopic());
    json.put("partition", letter.originPartition());
    json.put("offset", letter.originOffset());
    json.put("key", letter.key());
    json.put("event_id", letter.eventId());
    String value = letter.valueText();
    json.put("value", value == null || value.length() <= maxValueChars ? value
        : value.substring(0, maxValueChars) + "...");
    json.put("headers", letter.headerMap());
    json.put("redrive", redrive == null ? null : redrive(redrive));
    return json;
  }

  public static Map<String, Object> redrive(DeadLetterLog.Redrive redrive) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("topic", redrive.topic());
    json.put("partition", redrive.partition());
    json.put("offset", redrive.offset());
    json.put("redriven_at", redrive.at().toString());
    json.put("replaced_value", redrive.replacedValue());
    return json;
  }
}
