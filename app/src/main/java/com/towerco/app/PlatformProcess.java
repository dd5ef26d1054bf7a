package com.towerco.app;

import com.towerco.app.http.ApiDocs;
import com.towerco.app.http.DeadLetterApi;
import com.towerco.platform.dlq.DeadLetterLog;
import java.time.Clock;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.KafkaClusterMeters;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running platform process: optionally an embedded broker, the selected services, and the
 * HTTP server carrying health, metrics and every service's routes. Stops in reverse order.
 */
public final class PlatformProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformProcess.class);
  private static final java.time.Duration CLUSTER_LOOK_INTERVAL = java.time.Duration.ofSeconds(30);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<PlatformService> services = new ArrayList<>();
  private EmbeddedKafkaBroker broker;
  private ServiceContext context;
  private WebServer web;
  private DataDirLock dataDirLock;

  /** What to start. */
  public record Spec(
      String bootstrapServers,
      boolean embeddedBroker,
      int kafkaPort,
      Path dataDir,
      List<ServiceFactory> factories,
      ServiceSettings settings,
      int httpPort,
      UnaryOperator<PlatformConfig> configure,
      Authenticator authenticator) {}

  private PlatformProcess() {}

  public static PlatformProcess start(Spec spec) {
    PlatformProcess process = new PlatformProcess();
    try {
      process.startAll(spec);
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private void startAll(Spec spec) {
    String bootstrap = spec.bootstrapServers();
    if (spec.dataDir() != null) {
      dataDirLock = DataDirLock.acquire(spec.dataDir());
    }
    if (spec.embeddedBroker()) {
      broker = EmbeddedKafkaBroker.start(spec.dataDir().resolve("kafka"), spec.kafkaPort());
      bootstrap = broker.bootstrapServers();
    }
    PlatformConfig config = spec.configure()
        .apply(PlatformConfig.local(bootstrap, spec.dataDir()));
    PlatformMetrics metrics = new PlatformMetrics();
    resources.add(metrics);
    context = new ServiceContext(config, metrics);
    resources.add(context);
    resources.add(new KafkaClusterMeters(context.clients().admin(), metrics.registry(),
        CLUSTER_LOOK_INTERVAL));
    for (ServiceFactory factory : spec.factories()) {
      PlatformService service = factory.create(context, spec.settings());
      metrics.forService(service.name()).readinessSource(service::isReady);
      services.add(service);
    }
    List<HttpRoutes> routes = new ArrayList<>(services.stream()
        .filter(HttpRoutes.class::isInstance).map(HttpRoutes.class::cast).toList());
    routes.add(new ApiDocs(this::routes));
    routes.add(new DeadLetterApi(new DeadLetterLog(context.clients(), Clock.systemUTC()),
        Clock.systemUTC()));
    if (spec.httpPort() >= 0) {
      web = WebServer.start(spec.httpPort(), metrics, this::ready, spec.authenticator(),
          routes);
    }
    for (PlatformService service : services) {
      LOG.info("starting {}", service.name());
      service.start();
    }
  }

  public boolean ready() {
    return services.stream().allMatch(PlatformService::isReady);
  }

  public ServiceContext context() {
    return context;
  }

  public List<PlatformService> services() {
    return List.copyOf(services);
  }

  public String bootstrapServers() {
    return context.config().bootstrapServers();
  }

  public int httpPort() {
    return web == null ? -1 : web.port();
  }

  /** Every HTTP endpoint this process serves (none without an HTTP server). */
  public List<WebServer.Route> routes() {
    return web == null ? List.of() : web.routes();
  }

  @Override
  public void close() {
    for (int i = services.size() - 1; i >= 0; i--) {
      try {
        LOG.info("stopping {}", services.get(i).name());
        services.get(i).close();
      } catch (RuntimeException e) {
        LOG.warn("error stopping {}: {}", services.get(i).name(), e.toString());
      }
    }
    if (web != null) {
      web.close();
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("error closing: {}", e.toString());
      }
    }
    if (broker != null) {
      broker.close();
    }
    if (dataDirLock != null) {
      dataDirLock.close();
    }
  }
}
