package com.towerco.platform.dlq;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is in the dead-letter topic at a glance: how many letters, how many per reason and per
 * service, how many were re-driven, and the latest letter of each reason as a sample.
 */
public record DeadLetterSummary(int total, Map<String, Integer> byReason,
    Map<String, Integer> byService, int redriven, Map<String, DeadLetter> latestByReason) {

  public static DeadLetterSummary of(DeadLetterLog.Contents contents) {
    Map<String, Integer> byReason = new TreeMap<>();
    Map<String, Integer> byService = new TreeMap<>();
    Map<String, DeadLetter> samples = new TreeMap<>();
    List<DeadLetter> letters = contents.letters();
    for (DeadLetter letter : letters) {
      byReason.merge(String.valueOf(letter.reason()), 1, Integer::sum);
      byService.merge(String.valueOf(letter.service()), 1, Integer::sum);
      samples.put(String.valueOf(letter.reason()), letter);
    }
    int redriven = (int) letters.stream()
        .filter(l -> contents.redrives().containsKey(l.id())).count();
    return new DeadLetterSummary(letters.size(), byReason, byService, redriven, samples);
  }
}
