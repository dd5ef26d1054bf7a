package com.towerco.incidents.view;

import com.towerco.events.Envelope;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.optimization.OptimizationCommandRejected;
import com.towerco.events.payload.refuel.RefuelCommandRejected;
import com.towerco.events.payload.RejectionCode;
import com.towerco.incidents.stream.Metadata;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the HTTP API waits for a person's command to have its outcome: the read model reports
 * every operator-topic event that is the last of its command ({@code outcome} {@code n/n}), or
 * the refusal, after applying it; a waiting request then answers from the read model.
 */
public final class CommandOutcomes {
  private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
  /** Told when a request starts to wait: the feed that reads the outcomes reads on at once. */
  private volatile Runnable onWait = () -> { };

  /** The command's outcome: accepted at a version, or refused with a code and reason. */
  public record Outcome(String commandId, boolean accepted, int version, RejectionCode code,
      String reason) {}

  /** Registers interest before the command is sent. */
  public CompletableFuture<Outcome> expect(String commandId) {
    CompletableFuture<Outcome> future = waiting.computeIfAbsent(commandId,
        id -> new CompletableFuture<>());
    onWait.run();
    return future;
  }

  /**
   * {@code wake} runs whenever a request starts to wait for an outcome: a paced read model
   * (ADR-025) must not sleep out its round while one waits.
   */
  public CommandOutcomes whenWaited(Runnable wake) {
    this.onWait = wake;
    return this;
  }

  /** True while a request waits for a command's outcome. */
  public boolean anyWaiting() {
    return !waiting.isEmpty();
  }

  public void forget(String commandId) {
    waiting.remove(commandId);
  }

  /** Called by the read model after it applied an operator-topic event. */
  public void applied(Envelope event) {
    String command = event.metadata().get(Metadata.CAUSATION_ID);
    if (command == null || !Metadata.lastOfCommand(event.metadata().get(Metadata.OUTCOME))) {
      return;
    }
    CompletableFuture<Outcome> future = waiting.remove(command);
    if (future == null) {
      return;
    }
    int version = Integer.parseInt(event.metadata().getOrDefault(Metadata.AGGREGATE_VERSION,
        "0"));
    if (event.payload() instanceof IncidentCommandRejected r) {
      future.complete(new Outcome(command, false, version, r.code(), r.reason()));
    } else if (event.payload() instanceof OptimizationCommandRejected r) {
      future.complete(new Outcome(command, false, version, r.code(), r.reason()));
    } else if (event.payload() instanceof RefuelCommandRejected r) {
      future.complete(new Outcome(command, false, version, r.code(), r.reason()));
    } else {
      future.complete(new Outcome(command, true, version, null, null));
    }
  }
}
