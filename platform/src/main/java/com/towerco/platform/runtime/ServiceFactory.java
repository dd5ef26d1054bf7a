package com.towerco.platform.runtime;

import com.towerco.platform.security.KafkaAccess;

/**
 * How the launcher builds a service without knowing its classes: each service module has one
 * factory, and {@code towerco run --services kpi,aiops} picks them by {@link #name()}. A new
 * service is added by writing its factory (with its {@link #kafkaAccess()}) and listing it in
 * the launcher's {@code Services}; its principal and ACLs follow from that.
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

  /**
   * What the service reads, writes and uses on Kafka: on a secured cluster its principal gets
   * exactly this ({@code AclPlan}), so it must say everything the service does.
   */
  KafkaAccess kafkaAccess();

  /**
   * Every setting the service reads ({@code kpi.window}, ...), declared once where it is read:
   * {@code towerco.yaml}, {@code --set} and the environment are checked against them, and the
   * configuration reference is generated from them.
   */
  default java.util.List<com.towerco.platform.config.Setting<?>> settings() {
    return java.util.List.of();
  }

  PlatformService create(ServiceContext context, ServiceSettings settings);
}
