package com.towerco.aiops.detection.evaluation;

import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.AnomalyAlarm;
import com.towerco.aiops.detection.Detector;
import com.towerco.aiops.detection.DetectorFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One detector run over every series of a corpus, the way the engine runs it: a fresh detector
 * per series fed every row in event time (warm-up rows included), a row flagged while the
 * series' {@link AnomalyAlarm} is on under the {@link AlarmPolicy} (the engine's anomaly alert),
 * the flags scored by {@link EventScore}. Totals per
 * corpus, per domain, and over the unlabelled series alone (negative controls).
 */
public record CorpusEvaluation(String corpus, String detector, List<SeriesResult> series) {

  /** One series' outcome. */
  public record SeriesResult(String name, String domain, boolean labelled, EventScore score) {}

  public CorpusEvaluation {
    series = List.copyOf(series);
  }

  public static CorpusEvaluation run(Corpus corpus, DetectorFactory factory,
      AlarmPolicy policy) {
    List<SeriesResult> results = corpus.series().stream().map(s -> new SeriesResult(s.name(),
        s.domain(), s.labelled(), EventScore.of(s.labels(), flags(factory.create(), policy, s),
            s.firstScored(), s.times()))).toList();
    return new CorpusEvaluation(corpus.name(), factory.name(), results);
  }

  /** The rows on which {@code detector}'s alarm is on over {@code series}, fed in order. */
  static boolean[] flags(Detector detector, AlarmPolicy policy, CorpusSeries series) {
    AnomalyAlarm alarm = new AnomalyAlarm(policy);
    boolean[] flags = new boolean[series.size()];
    long[] times = series.times();
    double[] values = series.values();
    for (int i = 0; i < flags.length; i++) {
      flags[i] = alarm.update(detector.observe(times[i], values[i]));
    }
    return flags;
  }

  public Tally total() {
    return series.stream().map(r -> Tally.of(r.score())).reduce(Tally.EMPTY, Tally::plus);
  }

  /** Totals per domain, for corpora whose series name one. */
  public Map<String, Tally> byDomain() {
    Map<String, Tally> domains = new TreeMap<>();
    series.stream().filter(r -> !r.domain().isEmpty()).forEach(r ->
        domains.merge(r.domain(), Tally.of(r.score()), Tally::plus));
    return domains;
  }

  /** Totals over the series with no labelled anomaly: every alarm there is a false one. */
  public Tally negativeControls() {
    return series.stream().filter(r -> !r.labelled()).map(r -> Tally.of(r.score()))
        .reduce(Tally.EMPTY, Tally::plus);
  }
}
