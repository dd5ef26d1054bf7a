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
   * What the service reads, writes and uses on Kafka: on a secured cluster its principal gets
   * exactly this ({@code AclPlan}), so it must say everything the service does.
   */
  KafkaAccess kafkaAccess();

  PlatformService create(ServiceContext context, ServiceSettings settings);
}
