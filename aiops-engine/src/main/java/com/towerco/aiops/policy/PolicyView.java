package com.towerco.aiops.policy;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.aiops.AlertPolicyChanged;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.SharedDecoder;
import com.towerco.platform.runtime.TableView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the policy topic ({@code towerco.aiops.policy}) from its first change into the
 * {@link PolicyBoard} and follows it (the platform's {@link TableView} runtime): every instance
 * of the engine, and a restarted one, applies the same policies. A change that is not valid
 * (written past the API) is skipped with a warning.
 */
public final class PolicyView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyView.class);

  private final TableView view;
  private final PolicyBoard board;

  public PolicyView(KafkaClients clients, TopicProvisioner topics, SharedDecoder decoder,
      PolicyBoard board) {
    this.board = board;
    this.view = new TableView(clients, topics, decoder, TopicFamily.AIOPS_POLICY,
        "aiops-policy-view", (event, source) -> apply(event));
  }

  public void start() {
    view.start();
  }

  /** True once every change written before the view started has been applied. */
  public boolean caughtUp() {
    return view.loaded();
  }

  public boolean isLive() {
    return view.isLive();
  }

  private void apply(Envelope event) {
    if (event.payload() instanceof AlertPolicyChanged change) {
      try {
        board.apply(RuleOverride.of(change));
      } catch (IllegalArgumentException e) {
        LOG.warn("skipped policy change {}: {}", change.changeId(), e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    view.close();
  }
}
