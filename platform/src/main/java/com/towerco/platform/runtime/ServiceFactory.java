package com.towerco.platform.runtime;

/**
 * How the launcher builds a service without knowing its classes: each service module has one
 * factory, and {@code towerco run --services kpi,aiops} picks them by {@link #name()}.
 */
public interface ServiceFactory {
  /** The name used on the command line and in metrics, e.g. {@code kpi}. */
  String name();

  /** The consumer group or Kafka Streams application id. */
  String groupId();

  /** One line for {@code --help}. */
  String description();

  PlatformService create(ServiceContext context, ServiceSettings settings);
}
