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

  /**
   * The names of the projections its service offers to {@code replay --projection}
   * ({@link ProjectionSource}), known without building the service, so listing needs no broker.
   */
  default java.util.List<String> projectionNames() {
    return java.util.List.of();
  }

  PlatformService create(ServiceContext context, ServiceSettings settings);
}
