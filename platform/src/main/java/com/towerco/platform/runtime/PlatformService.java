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

  /** Stops consuming, commits what was processed and releases resources. */
  @Override
  void close();
}
