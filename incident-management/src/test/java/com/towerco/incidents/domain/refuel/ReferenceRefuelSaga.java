package com.towerco.incidents.domain.refuel;

import com.towerco.events.payload.refuel.ConfirmFuelLevel;
import com.towerco.events.payload.refuel.EscalateRefuel;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RequestRefuel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The reference of {@link RefuelSagaMatchesReferenceTest}: the saga as it was before ADR-073
 * (main b5a3b20a, verbatim but for its name), which walks each tank's tree for its first and
 * last samples and multiplies a {@code Duration} per reading. A change to the saga's behaviour
 * changes both. Its documentation follows.
 * The refuelling saga, by choreography. From each site's fuel readings it predicts when the
 * tank runs dry; if that is before the next scheduled delivery round it orders a refuel. After
 * a delivery is reported it waits for the level to settle and reports the level before and
 * after, which the refuel order confirms or flags as a discrepancy (fuel gone missing, for the
 * theft detector). A delivery overdue past its deadline escalates. Association key: the site
 * (one open order per site), then the refuel id. Time is the readings' event time.
 */
final class ReferenceRefuelSaga {
  /** Scheduled delivery rounds: every week, Mondays 00:00 UTC. */
  public static final Duration ROUND = Duration.ofDays(7);
  public static final Instant ROUND_ANCHOR = Instant.parse("1970-01-05T00:00:00Z");
  /** Consumption is measured over this much history (after the last refill). */
  public static final Duration BURN_WINDOW = Duration.ofHours(6);
  public static final Duration MIN_HISTORY = Duration.ofHours(1);
  public static final Duration PREDICT_EVERY = Duration.ofHours(1);
  /** Deliver this long before the predicted run-out, and never sooner than MIN_LEAD. */
  public static final Duration SAFETY_MARGIN = Duration.ofHours(6);
  public static final Duration MIN_LEAD = Duration.ofHours(2);
  public static final Duration ESCALATE_EVERY = Duration.ofHours(12);
  public static final int MAX_ESCALATIONS = 3;
  /** A reading this long after the delivery shows the settled level. */
  public static final Duration SETTLE = Duration.ofMinutes(10);
  public static final double TOLERANCE_L = 20.0;
  public static final double TOLERANCE_SHARE = 0.05;
  private static final Duration KEEP = Duration.ofHours(48);
  private static final Duration SAMPLE_EVERY = Duration.ofMinutes(5);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final Map<String, Tank> tanks = new HashMap<>();
  private final Map<String, Pending> pending = new HashMap<>();

  /** Litres a delivery may be short before it counts as a discrepancy. */
  public static double tolerance(double delivered) {
    return Math.max(TOLERANCE_L, delivered * TOLERANCE_SHARE);
  }

  /** The escalation a refuel order needs at {@code now}, if its delivery is overdue. */
  public static Optional<RefuelCommand> due(Refuel refuel, Instant now) {
    if (refuel == null || refuel.status() != RefuelStatus.REQUESTED || refuel.dueAt() == null
        || now.isBefore(refuel.dueAt()) || refuel.escalations() >= MAX_ESCALATIONS) {
      return Optional.empty();
    }
    return Optional.of(new EscalateRefuel(refuel.refuelId(), refuel.dueAt()));
  }

  /** The first scheduled delivery round after {@code at}. */
  public static Instant nextRound(Instant at) {
    long rounds = Duration.between(ROUND_ANCHOR, at).toMillis() / ROUND.toMillis() + 1;
    return ROUND_ANCHOR.plus(ROUND.multipliedBy(rounds));
  }

  /**
   * One fuel reading. Returns a refuel order if the tank will run dry before the next round
   * (unless {@code hasOpenOrder} says the site already has one), and the level report for any
   * delivery at the site that has now settled.
   */
  public List<RefuelCommand> reading(String siteId, Instant at, double levelL, double capacityL,
      Predicate<String> hasOpenOrder) {
    Tank tank = tanks.computeIfAbsent(siteId, s -> new Tank());
    tank.add(at, levelL, capacityL);
    List<RefuelCommand> commands = pending.isEmpty() ? new ArrayList<>(1)
        : new ArrayList<>(settled(siteId, at, levelL)); // no delivery waits: nothing settles
    if (tank.lastPrediction == null
        || !at.isBefore(tank.lastPrediction.plus(PREDICT_EVERY))) {
      Optional<RequestRefuel> order = predict(siteId, tank, at, levelL, capacityL);
      if (order.isPresent()) {
        tank.lastPrediction = at;
        if (!hasOpenOrder.test(siteId)) {
          commands.add(order.get());
        }
      }
    }
    return commands;
  }

  /** A delivery was reported; the level report follows once a settled reading exists. */
  public Optional<RefuelCommand> delivered(String refuelId, String siteId, Instant at) {
    Tank tank = tanks.get(siteId);
    Pending p = new Pending(refuelId, siteId, at);
    Optional<RefuelCommand> ready = tank == null ? Optional.empty() : p.confirm(tank);
    if (ready.isEmpty()) {
      pending.put(refuelId, p);
    }
    return ready;
  }

  private List<RefuelCommand> settled(String siteId, Instant at, double levelL) {
    List<RefuelCommand> done = new ArrayList<>();
    pending.values().removeIf(p -> {
      if (!p.siteId.equals(siteId) || at.isBefore(p.deliveredAt.plus(SETTLE))) {
        return false;
      }
      Optional<RefuelCommand> report = p.confirm(tanks.get(siteId));
      report.ifPresent(done::add);
      return report.isPresent();
    });
    return done;
  }

  private static Optional<RequestRefuel> predict(String siteId, Tank tank, Instant at,
      double levelL, double capacityL) {
    Entry<Instant, Double> oldest = tank.oldest(at);
    if (oldest == null || Duration.between(oldest.getKey(), at).compareTo(MIN_HISTORY) < 0) {
      return Optional.empty();
    }
    double hours = Duration.between(oldest.getKey(), at).toMillis() / 3_600_000.0;
    double burn = (oldest.getValue() - levelL) / hours;
    if (burn <= 0.01) {
      return Optional.empty();
    }
    Instant runout = at.plusMillis((long) (levelL / burn * 3_600_000));
    Instant next = nextRound(at);
    if (!runout.isBefore(next)) {
      return Optional.empty();
    }
    Instant deliverBy = runout.minus(SAFETY_MARGIN);
    if (deliverBy.isBefore(at.plus(MIN_LEAD))) {
      deliverBy = at.plus(MIN_LEAD);
    }
    return Optional.of(new RequestRefuel("ref-" + siteId + "-" + DAY.format(at), siteId,
        round(levelL), capacityL, round(burn), runout, next, round(capacityL - levelL),
        deliverBy));
  }

  private static double round(double value) {
    return Math.round(value * 10.0) / 10.0;
  }

  /**
   * A site's recent fuel readings (one every few minutes). A refill starts a new consumption
   * segment: the rate is measured from {@code since} on, while the readings before it stay
   * (the level before a delivery is one of them).
   */
  private static final class Tank {
    private final TreeMap<Instant, Double> readings = new TreeMap<>();
    private Instant since = Instant.MIN;
    private Instant lastPrediction;

    void add(Instant at, double levelL, double capacityL) {
      Entry<Instant, Double> last = readings.lastEntry();
      boolean refill = last != null && levelL - last.getValue() > capacityL * 0.02;
      if (refill) {
        since = at;
        lastPrediction = null;
      }
      if (last == null || refill || !at.isBefore(last.getKey().plus(SAMPLE_EVERY))) {
        readings.put(at, levelL);
      }
      Instant keepFrom = at.minus(KEEP);
      if (readings.firstKey().isBefore(keepFrom)) { // most readings drop nothing
        readings.headMap(keepFrom).clear();
      }
    }

    /** The oldest reading of the current segment within the burn window. */
    Entry<Instant, Double> oldest(Instant at) {
      Instant from = at.minus(BURN_WINDOW);
      return readings.ceilingEntry(from.isAfter(since) ? from : since);
    }
  }

  private record Pending(String refuelId, String siteId, Instant deliveredAt) {
    Optional<RefuelCommand> confirm(Tank tank) {
      Entry<Instant, Double> before = tank.readings.floorEntry(deliveredAt);
      Entry<Instant, Double> after = tank.readings.ceilingEntry(deliveredAt.plus(SETTLE));
      if (before == null || after == null) {
        return Optional.empty();
      }
      return Optional.of(new ConfirmFuelLevel(refuelId, before.getValue(), after.getValue(),
          after.getKey()));
    }
  }
}
