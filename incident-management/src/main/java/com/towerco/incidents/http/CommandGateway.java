package com.towerco.incidents.http;

import com.towerco.events.EventIds;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.RejectionCode;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import com.towerco.incidents.stream.CommandBus;
import com.towerco.incidents.stream.Metadata;
import com.towerco.incidents.view.CommandOutcomes;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a person's command enters the system: checked first against the read model (a stale
 * version or an illegal step is refused at once and nothing is written), then sent as a command
 * event whose id is the command id, and answered once its outcome event exists (or its refusal,
 * if a concurrent change got there first). Without an outcome within the timeout the answer is
 * 202 with the command id: the command stands and will be decided.
 */
final class CommandGateway {
  private final CommandBus bus;
  private final CommandOutcomes outcomes;
  private final Duration timeout;
  private final Clock clock;

  CommandGateway(CommandBus bus, CommandOutcomes outcomes, Duration timeout, Clock clock) {
    this.bus = bus;
    this.outcomes = outcomes;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A command was sent but its outcome is not known yet. */
  static final class Pending extends RuntimeException {
    final String commandId;

    Pending(String commandId) {
      super("pending", null, false, false);
      this.commandId = commandId;
    }
  }

  static void requireOperator(Caller caller) {
    Visibility.requireOperator(caller.viewer());
  }

  /**
   * Checks {@code command} against the read model's state, sends it, waits for its outcome.
   * Returns the outcome (accepted) or throws the refusal as an {@link ApiException}.
   */
  <S, C extends Payload, E extends Payload> CommandOutcomes.Outcome submit(
      Aggregate<S, C, E> aggregate, S viewState, C command, String siteId, Caller caller) {
    requireOperator(caller);
    precheck(aggregate, viewState, command);
    String commandId = EventIds.random();
    CompletableFuture<CommandOutcomes.Outcome> outcome = outcomes.expect(commandId);
    try {
      bus.send(commandId, command, clock.instant(), siteId, Map.of(
          Metadata.REQUESTED_BY, caller.user(),
          Metadata.CORRELATION_ID, aggregate.idOf(command)));
      CommandOutcomes.Outcome result = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!result.accepted()) {
        throw refusal(result.code(), result.reason());
      }
      return result;
    } catch (TimeoutException e) {
      throw new Pending(commandId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      outcomes.forget(commandId);
    }
  }

  private <S, C extends Payload, E extends Payload> void precheck(Aggregate<S, C, E> aggregate,
      S state, C command) {
    if (state == null) {
      throw ApiException.notFound(aggregate.name() + " " + aggregate.idOf(command));
    }
    int expected = aggregate.expectedVersion(command).orElseThrow();
    int current = aggregate.version(state);
    if (expected > current) {
      return; // this instance's read model may be behind: let the command processor decide
    }
    Decision<E> decision = aggregate.handle(state, command, clock.instant());
    if (decision instanceof Decision.Rejected<E> r) {
      throw refusal(r.code(), r.reason());
    }
  }

  static ApiException refusal(RejectionCode code, String reason) {
    HttpStatus status = switch (code) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case STALE_VERSION -> HttpStatus.CONFLICT;
      case ILLEGAL_TRANSITION -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
    return new ApiException(status, reason);
  }
}
