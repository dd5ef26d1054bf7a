package com.towerco.incidents.domain.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.payload.optimization.ApplyOptimization;
import com.towerco.events.payload.optimization.ApproveOptimization;
import com.towerco.events.payload.optimization.OptimizationApplied;
import com.towerco.events.payload.optimization.OptimizationApproved;
import com.towerco.events.payload.optimization.OptimizationCommand;
import com.towerco.events.payload.optimization.OptimizationCommandRejected;
import com.towerco.events.payload.optimization.OptimizationEvent;
import com.towerco.events.payload.optimization.OptimizationProposed;
import com.towerco.events.payload.optimization.OptimizationRejected;
import com.towerco.events.payload.optimization.OptimizationRolledBack;
import com.towerco.events.payload.optimization.OptimizationVerified;
import com.towerco.events.payload.optimization.ProposeOptimization;
import com.towerco.events.payload.optimization.RejectOptimization;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.optimization.RollBackOptimization;
import com.towerco.events.payload.optimization.VerifyOptimization;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The energy optimization, the ADR's second event-sourced entity: proposed by the energy
 * advisor, approved or rejected by a person, applied on site, then verified from the KPI
 * events that follow (or rolled back). {@code decide} and {@code evolve} are pure.
 */
public final class OptimizationAggregate
    implements Aggregate<Optimization, OptimizationCommand, OptimizationEvent> {
  /** How long after application the savings are measured. */
  public static final Duration VERIFY_OVER = Duration.ofDays(7);
  /** How long after a final outcome the same optimization may be proposed again. */
  public static final Duration PROPOSE_AGAIN_AFTER = Duration.ofDays(30);

  private final Duration verifyOver;

  public OptimizationAggregate(Duration verifyOver) {
    this.verifyOver = verifyOver;
  }

  @Override
  public String name() {
    return "optimization";
  }

  @Override
  public TopicFamily commandTopics() {
    return TopicFamily.OPTIMIZATION_COMMANDS;
  }

  @Override
  public TopicFamily eventTopics() {
    return TopicFamily.OPTIMIZATION_LIFECYCLE;
  }

  @Override
  public Class<OptimizationCommand> commandType() {
    return OptimizationCommand.class;
  }

  @Override
  public Class<OptimizationEvent> eventType() {
    return OptimizationEvent.class;
  }

  @Override
  public String idOf(OptimizationCommand command) {
    return command.optimizationId();
  }

  @Override
  public String idOfEvent(OptimizationEvent event) {
    return event.optimizationId();
  }

  @Override
  public String siteOf(Optimization state, OptimizationEvent event) {
    return event instanceof OptimizationProposed p ? p.siteId()
        : state == null ? "" : state.siteId();
  }

  @Override
  public int version(Optimization state) {
    return state == null ? 0 : state.version();
  }

  @Override
  public Optional<Integer> expectedVersion(OptimizationCommand command) {
    return Optional.ofNullable(command.expectedVersion());
  }

  @Override
  public Decision<OptimizationEvent> decide(Optimization s, OptimizationCommand command,
      Instant at) {
    if (command instanceof ProposeOptimization c) {
      boolean again = s != null && s.status().terminal()
          && !at.isBefore(s.updatedAt().plus(PROPOSE_AGAIN_AFTER));
      return s != null && !again ? Decision.ignore() : Decision.accept(new OptimizationProposed(
          c.optimizationId(), c.siteId(), c.kind(), c.title(), c.rationale(), c.evidence(),
          c.expectedSavings(), at));
    }
    if (s == null) {
      return command.expectedVersion() == null ? Decision.ignore()
          : Decision.notFound("optimization " + command.optimizationId() + " not found");
    }
    if (command instanceof VerifyOptimization c) {
      if (s.status() != OptimizationStatus.APPLIED) {
        return Decision.ignore();
      }
      double savings = c.baselinePerDay() - c.measuredPerDay();
      return Decision.accept(new OptimizationVerified(c.optimizationId(), c.metric(), c.unit(),
          c.baselinePerDay(), c.measuredPerDay(), savings, c.daysMeasured(), savings > 0, at));
    }
    if (command instanceof ApproveOptimization c) {
      return s.status() != OptimizationStatus.PROPOSED ? refuse(s, "approved")
          : Decision.accept(new OptimizationApproved(c.optimizationId(), c.requestedBy(),
              c.comment(), at));
    }
    if (command instanceof RejectOptimization c) {
      return s.status() != OptimizationStatus.PROPOSED
          && s.status() != OptimizationStatus.APPROVED ? refuse(s, "rejected")
          : Decision.accept(new OptimizationRejected(c.optimizationId(), c.requestedBy(),
              c.reason(), at));
    }
    if (command instanceof ApplyOptimization c) {
      return s.status() != OptimizationStatus.APPROVED ? refuse(s, "applied")
          : Decision.accept(new OptimizationApplied(c.optimizationId(), c.requestedBy(),
              c.comment(), at, at.plus(verifyOver)));
    }
    if (command instanceof RollBackOptimization c) {
      return s.status() != OptimizationStatus.APPLIED
          && s.status() != OptimizationStatus.VERIFIED ? refuse(s, "rolled back")
          : Decision.accept(new OptimizationRolledBack(c.optimizationId(), c.requestedBy(),
              c.reason(), at));
    }
    throw new IllegalArgumentException("unhandled optimization command " + command.getClass());
  }

  private static Decision<OptimizationEvent> refuse(Optimization s, String what) {
    return Decision.illegal("a " + s.status().wireName().replace('_', ' ')
        + " optimization cannot be " + what);
  }

  @Override
  public Optimization evolve(Optimization s, OptimizationEvent event) {
    if (event instanceof OptimizationProposed e) {
      return new Optimization(e.optimizationId(), s == null ? 1 : s.version() + 1,
          s == null ? 1 : s.round() + 1, OptimizationStatus.PROPOSED, e.siteId(), e.kind(),
          e.title(), e.rationale(), e.evidence(), e.expectedSavings(), e.proposedAt(), null,
          null, null, null, null, e.proposedAt());
    }
    if (s == null || event instanceof OptimizationCommandRejected) {
      return s;
    }
    if (event instanceof OptimizationApproved e) {
      return s.next(OptimizationStatus.APPROVED, e.by(), e.comment(), e.approvedAt());
    }
    if (event instanceof OptimizationRejected e) {
      return s.next(OptimizationStatus.REJECTED, e.by(), e.reason(), e.rejectedAt());
    }
    if (event instanceof OptimizationRolledBack e) {
      return s.next(OptimizationStatus.ROLLED_BACK, e.by(), e.reason(), e.rolledBackAt());
    }
    if (event instanceof OptimizationApplied e) {
      Optimization n = s.next(OptimizationStatus.APPLIED, e.by(), e.comment(), e.appliedAt());
      return new Optimization(n.optimizationId(), n.version(), n.round(), n.status(),
          n.siteId(), n.kind(), n.title(), n.rationale(), n.evidence(), n.expectedSavings(),
          n.proposedAt(), e.appliedAt(), e.verifyAfter(), null, n.lastBy(), n.lastNote(),
          n.updatedAt());
    }
    if (event instanceof OptimizationVerified e) {
      Optimization n = s.next(OptimizationStatus.VERIFIED, "savings-verifier", null,
          e.verifiedAt());
      return new Optimization(n.optimizationId(), n.version(), n.round(), n.status(),
          n.siteId(), n.kind(), n.title(), n.rationale(), n.evidence(), n.expectedSavings(),
          n.proposedAt(), n.appliedAt(), n.verifyAfter(), e, n.lastBy(), n.lastNote(),
          n.updatedAt());
    }
    throw new IllegalArgumentException("unhandled optimization event " + event.getClass());
  }

  @Override
  public OptimizationEvent rejected(String aggregateId, String commandId, String commandType,
      RejectionCode code, String reason, Integer expectedVersion, int actualVersion,
      Instant at) {
    return new OptimizationCommandRejected(aggregateId, commandId, commandType, code, reason,
        expectedVersion, actualVersion, at);
  }
}
