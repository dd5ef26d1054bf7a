package com.towerco.platform.runtime;

/**
 * One of the platform's services (KPI calculator, AIOps engine, ...): its own consumer group or
 * Kafka Streams application, startable alone or beside the others in one process.
 */
public interface PlatformService extends AutoCloseable {
  /** Short name, used in metrics, logs and {@code --services}. */
  String name();

  /** Starts consuming; returns once the service's threads are running. */
  void start();

  /** True once the service is processing (or ready to) and its dependencies are up. */
  boolean isReady();

  /**
   * False once the service cannot recover without a restart: a loop stopped for good (its
   * thread died, it failed too often, a Kafka Streams client shut down after its failure
   * budget). {@code /health/live} reports it, so an orchestrator restarts the process. Not
   * ready is different: a broker outage makes a service not ready but still live.
   */
  boolean isLive();

  /** Stops consuming, commits what was processed and releases resources. */
  @Override
  void close();
}
