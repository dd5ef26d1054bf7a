package com.towerco.app;

import com.towerco.aiops.AiopsEngineServiceFactory;
import com.towerco.analytics.AnalyticsServiceFactory;
import com.towerco.dashboard.DashboardServiceFactory;
import com.towerco.incidents.IncidentServiceFactory;
import com.towerco.ingest.IngestGatewayServiceFactory;
import com.towerco.ingest.onboarding.InventoryServiceFactory;
import com.towerco.ingest.watchdog.WatchdogServiceFactory;
import com.towerco.kpi.KpiCalculatorServiceFactory;
import com.towerco.notification.NotificationServiceFactory;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.security.KafkaAccess;
import com.towerco.simulator.SimulatorServiceFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every service the launcher can run, by name, in start order. */
public final class Services {
  private static final List<ServiceFactory> ALL = List.of(
      new KpiCalculatorServiceFactory(),
      new AiopsEngineServiceFactory(),
      new IncidentServiceFactory(),
      new NotificationServiceFactory(),
      new AnalyticsServiceFactory(),
      new DashboardServiceFactory(),
      new InventoryServiceFactory(),
      new IngestGatewayServiceFactory(),
      new WatchdogServiceFactory());

  private Services() {}

  public static List<ServiceFactory> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(ServiceFactory::name).toList();
  }

  /**
   * What every service may do on Kafka, for the ACL plan: the launcher's services, the
   * simulator (the demo's source of site events) and any other factory given, once each.
   */
  public static List<KafkaAccess> kafkaAccess(List<ServiceFactory> extra) {
    Map<String, KafkaAccess> byName = new LinkedHashMap<>();
    List<ServiceFactory> factories = new ArrayList<>(ALL);
    factories.add(new SimulatorServiceFactory());
    factories.addAll(extra);
    factories.forEach(f -> byName.putIfAbsent(f.name(), f.kafkaAccess()));
    return List.copyOf(byName.values());
  }

  /**
   * Every service setting the launcher knows: those of its services and of the simulator
   * (declared by each factory, {@link ServiceFactory#settings()}).
   */
  public static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    List<ServiceFactory> factories = new ArrayList<>(ALL);
    factories.add(new SimulatorServiceFactory());
    factories.forEach(f -> all.addAll(f.settings()));
    return all;
  }

  /** The factories for a comma-separated list of names ("all" for every one). */
  public static List<ServiceFactory> select(List<String> names) {
    if (names.isEmpty() || names.contains("all")) {
      return ALL;
    }
    List<ServiceFactory> selected = new ArrayList<>();
    for (ServiceFactory factory : ALL) {
      if (names.contains(factory.name())) {
        selected.add(factory);
      }
    }
    List<String> unknown = names.stream().filter(n -> !names().contains(n)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown service(s) " + unknown + "; known: "
          + ALL.stream().map(ServiceFactory::name).collect(Collectors.joining(", ")));
    }
    return selected;
  }
}
