package com.towerco.benchmarks.system;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.RankedCause;
import com.towerco.simulator.domain.SimulationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the incidents an engine opened against the simulator's ground truth. An incident and a
 * real problem match when they share a site and overlap in time; each problem takes at most one
 * incident and each incident one problem (the largest site overlap first). Grouping precision is
 * the share of incidents that match a problem (a problem split into two incidents, or an incident
 * for nothing, counts against it); recall the share of problems that got an incident; top-1 and
 * top-3 the share of matched problems whose true root cause (site and kind) is first, or among the
 * first three, in the incident's final ranking; severity accuracy the share of matched problems
 * with an expected severity whose incident ended at that severity; alerts per real problem the
 * alerts notified on the operator's alert topic over the real problems, and raw: every alert
 * fired, notified or kept as evidence only; pages the alerts notified at major or critical
 * (what the default routes page someone for: {@code severity=~"critical|major"}), each
 * attributed to the real problem it belongs to ({@code pagesByProblem}: a problem with one of
 * its sites, from 5 minutes before it began until 5 minutes after it ended; the one whose
 * root-cause kind is the alert's rule first) or to none ({@code strayPages});
 * {@code severeIncidents} the incidents that ended major or critical.
 */
public record RcaScore(int incidents, int problems, int matched, int top1, int top3,
    int severityJudged, int severityRight, int alertsFired, int alertsRaw, int pages,
    int severeIncidents, Map<String, Integer> pagesByProblem, int strayPages,
    List<String> misses, List<String> notified) {

  public static final RcaScore EMPTY = new RcaScore(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
      0, List.of(), List.of());

  /**
   * An alert as notified on the operator's alert topic: when it was published ({@code at},
   * the record's time), when it started, its rule, site, severity as published and why it
   * notified (the engine's {@code notified} label: settled, escalated, later, at-once).
   */
  public record Notice(Instant at, Instant startsAt, String rule, String site,
      AlertSeverity severity, String kind, String fingerprint) {
    boolean pages() {
      return severity == AlertSeverity.CRITICAL || severity == AlertSeverity.MAJOR;
    }

    @Override
    public String toString() {
      return at + " " + rule + "@" + site + " " + severity + " (" + kind + ", started "
          + startsAt + ") " + fingerprint;
    }
  }

  /** What the engine concluded about one incident, after every root-cause update. */
  public record Outcome(String incidentId, Set<String> sites, Instant openedAt, Instant clearedAt,
      List<RankedCause> ranking, AlertSeverity severity, String title) {}

  /** Ground-truth cause labels of the simulator, as the engine names root-cause kinds. */
  static final Map<String, String> KIND = Map.of(
      "hub-failure", "hub-transmission-failure",
      "mains-outage", "mains-failure",
      "generator-start-failure", "generator-failure",
      "rectifier-failure", "rectifier-failure",
      "hvac-failure", "hvac-failure",
      "fuel-theft", "fuel-theft",
      "door-open", "intrusion");

  private static final Duration SLACK = Duration.ofMinutes(5);

  /**
   * @param severities the expected severity of a problem, by problem id (problems absent from it
   *     are not judged on severity)
   */
  public static RcaScore of(List<Outcome> incidents, List<SimulationReport.Problem> problems,
      Instant simulatedUntil, Map<String, AlertSeverity> severities, int alertsFired,
      int alertsRaw, List<Notice> notified) {
    List<SimulationReport.Problem> real = problems.stream()
        .filter(SimulationReport.Problem::observed).toList();
    // Every (problem, incident) pair that shares a site and overlaps in time, best first: an
    // incident that names the problem's root cause beats one that merely touches its sites.
    List<Pair> pairs = new ArrayList<>();
    for (SimulationReport.Problem problem : real) {
      for (Outcome incident : incidents) {
        Set<String> common = new HashSet<>(incident.sites());
        common.retainAll(problem.sites());
        if (!common.isEmpty() && overlapsInTime(incident, problem, simulatedUntil)) {
          pairs.add(new Pair(problem, incident, rankOf(incident.ranking(), problem.rootCause()),
              common.size()));
        }
      }
    }
    pairs.sort(Comparator.comparingInt((Pair p) -> p.rank < 0 ? Integer.MAX_VALUE : p.rank)
        .thenComparing(Comparator.comparingInt((Pair p) -> p.overlap).reversed()));
    Set<String> usedProblems = new HashSet<>();
    Set<String> usedIncidents = new HashSet<>();
    int matched = 0;
    int top1 = 0;
    int top3 = 0;
    int severityJudged = 0;
    int severityRight = 0;
    List<String> misses = new ArrayList<>();
    for (Pair pair : pairs) {
      if (usedProblems.contains(pair.problem.id())
          || usedIncidents.contains(pair.incident.incidentId())) {
        continue;
      }
      usedProblems.add(pair.problem.id());
      usedIncidents.add(pair.incident.incidentId());
      matched++;
      if (pair.rank == 0) {
        top1++;
      } else {
        misses.add(describe(pair.problem) + ": ranked " + (pair.rank < 0 ? "absent"
            : "#" + (pair.rank + 1)) + ", engine said " + pair.incident.ranking().get(0).kind()
            + "@" + pair.incident.ranking().get(0).siteId());
      }
      if (pair.rank >= 0 && pair.rank < 3) {
        top3++;
      }
      AlertSeverity expected = severities.get(pair.problem.id());
      if (expected != null) {
        severityJudged++;
        if (expected == pair.incident.severity()) {
          severityRight++;
        } else {
          misses.add(describe(pair.problem) + ": severity " + pair.incident.severity()
              + ", expected " + expected);
        }
      }
    }
    for (SimulationReport.Problem problem : real) {
      if (!usedProblems.contains(problem.id())) {
        misses.add(describe(problem) + ": no incident");
      }
    }
    for (Outcome incident : incidents) {
      if (!usedIncidents.contains(incident.incidentId())) {
        misses.add("incident " + incident.ranking().get(0).kind() + "@"
            + incident.ranking().get(0).siteId() + " " + incident.openedAt() + " ("
            + incident.severity() + ", " + incident.title() + ")"
            + ": no real problem (split or spurious)");
      }
    }
    int severe = (int) incidents.stream().filter(i -> i.severity() == AlertSeverity.CRITICAL
        || i.severity() == AlertSeverity.MAJOR).count();
    Map<String, Integer> byProblem = new java.util.TreeMap<>();
    real.forEach(p -> byProblem.put(p.id(), 0));
    int pages = 0;
    int stray = 0;
    for (Notice notice : notified) {
      if (!notice.pages()) {
        continue;
      }
      pages++;
      java.util.Optional<SimulationReport.Problem> owner = ownerOf(notice, real, simulatedUntil,
          byProblem);
      if (owner.isPresent()) {
        byProblem.merge(owner.get().id(), 1, Integer::sum);
      } else {
        stray++;
        misses.add("page " + notice + ": no real problem");
      }
    }
    return new RcaScore(incidents.size(), real.size(), matched, top1, top3, severityJudged,
        severityRight, alertsFired, alertsRaw, pages, severe, byProblem, stray, misses,
        notified.stream().map(Notice::toString).toList());
  }

  /**
   * The real problem a notified alert belongs to: one with its site whose time (with the
   * slack) covers it; the one whose root cause is of the alert's kind first, then the one
   * that paged least so far (two problems at one site at once: an HVAC failure and an
   * intrusion).
   */
  private static java.util.Optional<SimulationReport.Problem> ownerOf(Notice notice,
      List<SimulationReport.Problem> real, Instant until, Map<String, Integer> pagedSoFar) {
    List<SimulationReport.Problem> candidates = real.stream()
        .filter(p -> p.sites().contains(notice.site()))
        .filter(p -> !notice.at().isBefore(p.start().minus(SLACK))
            && !notice.at().isAfter((p.end() == null ? until : p.end()).plus(SLACK)))
        .toList();
    return candidates.stream()
        .filter(p -> KIND.getOrDefault(p.rootCause().cause(), p.rootCause().cause())
            .equals(notice.rule()))
        .findFirst().or(() -> candidates.stream()
            .min(Comparator.comparingInt(p -> pagedSoFar.getOrDefault(p.id(), 0))));
  }

  /** Pages of one real problem, by its id (0 for a problem that paged nobody). */
  public int pagesOf(String problemId) {
    return pagesByProblem.getOrDefault(problemId, 0);
  }

  private record Pair(SimulationReport.Problem problem, Outcome incident, int rank,
      int overlap) {}

  private static String describe(SimulationReport.Problem problem) {
    return problem.id() + " " + problem.rootCause().cause() + "@" + problem.rootCause().siteId()
        + " " + problem.start();
  }

  public double precision() {
    return incidents == 0 ? 1 : (double) matched / incidents;
  }

  public double recall() {
    return problems == 0 ? 1 : (double) matched / problems;
  }

  public double top1Accuracy() {
    return matched == 0 ? 0 : (double) top1 / matched;
  }

  public double top3Accuracy() {
    return matched == 0 ? 0 : (double) top3 / matched;
  }

  /** Share of judged problems whose incident had the expected severity; NaN if none judged. */
  public double severityAccuracy() {
    return severityJudged == 0 ? Double.NaN : (double) severityRight / severityJudged;
  }

  public double pagesPerProblem() {
    return problems == 0 ? 0 : (double) pages / problems;
  }

  /** Alerts notified (published on the operator's alert topic) per real problem. */
  public double alertsPerProblem() {
    return problems == 0 ? 0 : (double) alertsFired / problems;
  }

  /** Alerts fired per real problem, notified or evidence only. */
  public double rawAlertsPerProblem() {
    return problems == 0 ? 0 : (double) alertsRaw / problems;
  }

  public RcaScore plus(RcaScore other) {
    List<String> all = new ArrayList<>(misses);
    all.addAll(other.misses);
    List<String> notices = new ArrayList<>(notified);
    notices.addAll(other.notified);
    Map<String, Integer> byProblem = new java.util.TreeMap<>(pagesByProblem);
    other.pagesByProblem.forEach((id, n) -> byProblem.merge(id, n, Integer::sum));
    return new RcaScore(incidents + other.incidents, problems + other.problems,
        matched + other.matched, top1 + other.top1, top3 + other.top3,
        severityJudged + other.severityJudged, severityRight + other.severityRight,
        alertsFired + other.alertsFired, alertsRaw + other.alertsRaw, pages + other.pages,
        severeIncidents + other.severeIncidents, byProblem, strayPages + other.strayPages,
        all, notices);
  }

  private static int rankOf(List<RankedCause> ranking, SimulationReport.RootCause truth) {
    String kind = KIND.getOrDefault(truth.cause(), truth.cause());
    for (int i = 0; i < ranking.size(); i++) {
      if (ranking.get(i).siteId().equals(truth.siteId()) && ranking.get(i).kind().equals(kind)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean overlapsInTime(Outcome incident, SimulationReport.Problem problem,
      Instant until) {
    Instant problemEnd = problem.end() == null ? until : problem.end();
    Instant incidentEnd = incident.clearedAt() == null ? until : incident.clearedAt();
    return !incident.openedAt().isAfter(problemEnd.plus(SLACK))
        && !incidentEnd.isBefore(problem.start().minus(SLACK));
  }
}
