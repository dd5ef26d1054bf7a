package com.towerco.simulator;

import com.towerco.events.TopicFamily;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.KafkaAccess;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds the simulator as a platform service named {@code simulator}; its settings are described
 * in {@link SimulatorSettings}. The clock only supplies the default start of a paced run.
 */
public final class SimulatorServiceFactory implements ServiceFactory {
  public static final String NAME = "simulator";

  private final Clock clock;
  private final UnaryOperator<EventSink> route;

  public SimulatorServiceFactory() {
    this(Clock.systemUTC());
  }

  public SimulatorServiceFactory(Clock clock) {
    this(clock, UnaryOperator.identity());
  }

  /** {@code route} wraps the Kafka sink (see {@link SimulatorService}). */
  public SimulatorServiceFactory(Clock clock, UnaryOperator<EventSink> route) {
    this.clock = clock;
    this.route = route;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return "towerco-simulator";
  }

  @Override
  public String description() {
    return "plays a fleet of sites: telemetry, X.733 alarms, connectivity, injected faults";
  }

  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME).writes(TopicFamily.SITE_EVENTS, TopicFamily.INVENTORY);
  }

  @Override
  public List<Setting<?>> settings() {
    return SimulatorSettings.ALL;
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    return new SimulatorService(context, SimulatorSettings.toConfig(settings,
        context.config().operatorTenant(), clock.instant()), route);
  }
}
