package com.towerco.app;

import com.towerco.app.http.ApiDocs;
import com.towerco.app.http.DeadLetterApi;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.BrokerSettings;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.health.HealthPublisher;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.kafka.HeapLayout;
import com.towerco.platform.metrics.KafkaClusterMeters;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.security.AclPlan;
import com.towerco.platform.security.BrokerAccess;
import com.towerco.platform.security.KafkaCredentials;
import com.towerco.platform.security.Principals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running platform process: optionally an embedded broker, the selected services, and the
 * HTTP server carrying health, metrics and every service's routes. Stops in reverse order.
 */
public final class PlatformProcess implements AutoCloseable {
  /** Where a secured embedded broker's principals keep their client settings. */
  public static final String KAFKA_CREDENTIALS = "kafka-credentials";
  private static final Logger LOG = LoggerFactory.getLogger(PlatformProcess.class);
  private static final Duration CLUSTER_LOOK_INTERVAL = Duration.ofSeconds(30);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<PlatformService> services = new ArrayList<>();
  private EmbeddedKafkaBroker broker;
  private ServiceContext context;
  private WebServer web;
  private DataDirLock dataDirLock;
  private KafkaCredentials credentials;
  private HealthPublisher health;

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
      Authenticator authenticator,
      KafkaSecurity kafkaSecurity) {

    /** Without Kafka security: an unsecured embedded broker on the loopback interface. */
    public Spec(String bootstrapServers, boolean embeddedBroker, int kafkaPort, Path dataDir,
        List<ServiceFactory> factories, ServiceSettings settings, int httpPort,
        UnaryOperator<PlatformConfig> configure, Authenticator authenticator) {
      this(bootstrapServers, embeddedBroker, kafkaPort, dataDir, factories, settings, httpPort,
          configure, authenticator, KafkaSecurity.none());
    }
  }

  private PlatformProcess() {}

  public static PlatformProcess start(Spec spec) {
    return start(spec, HealthPublisher.CADENCE);
  }

  /** As {@link #start(Spec)}, reporting this process's health every {@code healthCadence}. */
  public static PlatformProcess start(Spec spec, Duration healthCadence) {
    PlatformProcess process = new PlatformProcess();
    try {
      process.startAll(spec, healthCadence);
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private void startAll(Spec spec, Duration healthCadence) {
    HeapLayout.check().ifPresent(LOG::warn);
    String bootstrap = spec.bootstrapServers();
    if (spec.dataDir() != null) {
      dataDirLock = DataDirLock.acquire(spec.dataDir());
    }
    KafkaSecurity security = spec.kafkaSecurity();
    if (spec.embeddedBroker()) {
      BrokerSettings settings = security.broker(spec.dataDir().resolve("kafka"),
          spec.kafkaPort());
      if (security.sasl()) {
        credentials = new KafkaCredentials(credentialsDir(spec), System.getenv());
        settings = settings.secured(BrokerAccess.security(credentials, security.keystore(),
            security.keystorePassword()));
      }
      broker = EmbeddedKafkaBroker.start(settings);
      bootstrap = broker.bootstrapServers();
    }
    PlatformConfig config = spec.configure()
        .apply(PlatformConfig.local(bootstrap, spec.dataDir()));
    Map<String, Map<String, String>> principals = principals(spec, config);
    if (principals.containsKey(Principals.PLATFORM)) {
      config = config.withClientProperties(principals.get(Principals.PLATFORM));
    }
    PlatformMetrics metrics = new PlatformMetrics();
    resources.add(metrics);
    context = new ServiceContext(config, metrics);
    resources.add(context);
    resources.add(new KafkaClusterMeters(context.clients().admin(), metrics.registry(),
        CLUSTER_LOOK_INTERVAL));
    for (ServiceFactory factory : spec.factories()) {
      Map<String, String> own = principals.get(Principals.service(factory.name()));
      PlatformService service = factory.create(own == null ? context : context.as(own),
          spec.settings());
      metrics.forService(service.name()).readinessSource(service::isReady);
      services.add(service);
    }
    List<HttpRoutes> routes = new ArrayList<>(services.stream()
        .filter(HttpRoutes.class::isInstance).map(HttpRoutes.class::cast).toList());
    routes.add(new ApiDocs(this::routes));
    Map<String, String> dlqReader = principals.get(Principals.DLQ_READER);
    ServiceContext dlq = dlqReader == null ? context : context.as(dlqReader);
    routes.add(new DeadLetterApi(new DeadLetterLog(dlq.clients(), Clock.systemUTC()),
        Clock.systemUTC()));
    if (spec.httpPort() >= 0) {
      web = WebServer.start(spec.httpPort(), metrics, this::live, this::ready,
          spec.authenticator(),
          routes);
    }
    for (PlatformService service : services) {
      LOG.info("starting {}", service.name());
      service.start();
    }
    if (!services.isEmpty()) {
      health = new HealthPublisher(context.clients().producer("towerco-health-"
          + config.instanceId()), config.instanceId(), metrics, services, Clock.systemUTC(),
          healthCadence).start();
    }
  }

  /**
   * Each principal's client settings: set up on a secured embedded broker, read from the
   * credentials directory for an external cluster, none otherwise.
   */
  private Map<String, Map<String, String>> principals(Spec spec, PlatformConfig config) {
    KafkaSecurity security = spec.kafkaSecurity();
    if (broker != null && broker.settings().isSecured()) {
      AclPlan plan = AclPlan.of(Services.kafkaAccess(spec.factories()),
          security.tenantPrincipals(), config.operatorTenant());
      return BrokerAccess.setUp(broker, config, plan, credentials);
    }
    if (broker == null && security.credentialsDir() != null) {
      Map<String, Map<String, String>> principals = new HashMap<>();
      for (ServiceFactory factory : spec.factories()) {
        String principal = Principals.service(factory.name());
        Path file = new KafkaCredentials(security.credentialsDir(), Map.of()).file(principal);
        if (!Files.exists(file)) {
          throw new IllegalArgumentException("no Kafka credentials for " + principal + " in "
              + security.credentialsDir() + " (towerco kafka-access apply writes them)");
        }
        principals.put(principal, PlatformConfig.loadClientProperties(file));
      }
      Path dlqReader = new KafkaCredentials(security.credentialsDir(), Map.of())
          .file(Principals.DLQ_READER);
      if (Files.exists(dlqReader)) {
        principals.put(Principals.DLQ_READER, PlatformConfig.loadClientProperties(dlqReader));
      }
      return principals;
    }
    return Map.of();
  }

  private static Path credentialsDir(Spec spec) {
    Path given = spec.kafkaSecurity().credentialsDir();
    return given != null ? given : spec.dataDir().resolve(KAFKA_CREDENTIALS);
  }

  /** What to print about Kafka principals (passwords only when just generated). */
  public List<String> kafkaCredentialsHelp() {
    return credentials == null ? List.of() : credentials.help();
  }

  /** False once a service has stopped for good: only a restart helps. */
  public boolean live() {
    return services.stream().allMatch(PlatformService::isLive);
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

  /** Stops this process's heartbeat without its tombstone, as a crash would (tests). */
  public void abandonHealth() {
    if (health != null) {
      health.abandon();
      health = null;
    }
  }

  @Override
  public void close() {
    if (health != null) {
      health.close();
    }
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
