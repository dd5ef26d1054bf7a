package com.towerco.ingest;

import com.towerco.ingest.domain.EdgeContract;
import com.towerco.ingest.http.IngestRoutes;
import com.towerco.ingest.kafka.SiteEventWriter;
import com.towerco.ingest.mqtt.EmbeddedMqttBroker;
import com.towerco.ingest.mqtt.MqttIngest;
import com.towerco.ingest.mqtt.MqttSettings;
import com.towerco.ingest.snmp.SnmpTrapReceiver;
import com.towerco.ingest.snmp.SnmpUsers;
import com.towerco.ingest.snmp.TrapMappingFile;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import org.apache.kafka.clients.producer.ProducerConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest gateway: one edge contract and two Kafka writers (one for the per-message protocols,
 * MQTT and SNMP, whose senders wait for each write; one for HTTP batches), fed by the adapters
 * configured ({@link IngestSettings}): MQTT (an embedded broker by default), the HTTP route and
 * the SNMP trap receiver. Ready once every adapter is.
 */
public final class IngestGatewayService implements PlatformService, HttpRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(IngestGatewayService.class);

  private final ServiceContext context;
  private final IngestSettings settings;
  private final Clock clock;
  private ServiceContext.Outputs outputs;
  private ServiceContext.Outputs httpOutputs;
  private EdgeContract contract;
  private SiteEventWriter writer;
  private EmbeddedMqttBroker broker;
  private MqttIngest mqtt;
  private SnmpTrapReceiver snmp;
  private volatile IngestRoutes routes;
  private volatile boolean started;

  public IngestGatewayService(ServiceContext context, IngestSettings settings, Clock clock) {
    this.context = context;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String name() {
    return IngestGatewayServiceFactory.NAME;
  }

  /** The embedded MQTT broker's URL, or the configured one; empty without MQTT. */
  public String mqttUrl() {
    return broker != null ? broker.url() : settings.mqtt().map(MqttSettings::url).orElse("");
  }

  @Override
  public synchronized void start() {
    if (started) {
      return;
    }
    SiteDirectory sites = context.sites();
    contract = new EdgeContract(context.codec(), id -> sites.site(id).isPresent(),
        context.config().operatorTenant(), settings.maxFutureSkew(), clock,
        settings.holdUnknownSites());
    // MQTT and SNMP senders wait for each write's ack (MQTT's in-flight window is a few messages
    // per session): waiting 5 ms to fill batches would cap them at window / 5 ms. HTTP writes a
    // batch at once and gains from full producer batches.
    outputs = context.outputs(name(), "", Map.of(ProducerConfig.LINGER_MS_CONFIG,
        settings.kafkaLingerMs()));
    writer = new SiteEventWriter(outputs.publisher(), outputs.deadLetters(),
        settings.maxInFlight());
    // an HTTP request thread must not wait on a missing broker longer than the request may
    httpOutputs = context.outputs(name(), "-http", Map.of(ProducerConfig.LINGER_MS_CONFIG,
        settings.httpKafkaLingerMs(), ProducerConfig.MAX_BLOCK_MS_CONFIG,
        settings.httpLimits().kafkaTimeout().toMillis()));
    SiteEventWriter httpWriter = new SiteEventWriter(httpOutputs.publisher(),
        httpOutputs.deadLetters(), settings.maxInFlight());
    if (settings.mqtt().isPresent()) {
      MqttSettings mqttSettings = settings.mqtt().get();
      if (settings.embeddedMqtt()) {
        broker = EmbeddedMqttBroker.start(settings.embeddedMqttHost(),
            settings.embeddedMqttPort());
        mqttSettings = mqttSettings.at(broker.url());
      }
      mqtt = new MqttIngest(mqttSettings, contract, writer, settings.gatewayId());
      mqtt.start();
    }
    if (settings.snmpPort() >= 0) {
      snmp = new SnmpTrapReceiver(settings.snmpHost(), settings.snmpPort(), contract, writer,
          TrapMappingFile.load(settings.snmpMappings()),
          Set.of(settings.snmpCommunities().split(",")), SnmpUsers.parse(settings.snmpUsers()),
          settings.gatewayId(), clock);
    }
    routes = new IngestRoutes(contract, httpWriter, settings.httpKeys(), settings.httpLimits());
    started = true;
    LOG.info("ingest gateway {}: MQTT {}, HTTP {} ({} keys), SNMP {}", settings.gatewayId(),
        mqtt == null ? "off" : mqttUrl(), IngestRoutes.PATH,
        settings.httpKeys().isEmpty() ? "no" : "with",
        snmp == null ? "off" : "udp " + settings.snmpHost() + ":" + snmp.port());
  }

  @Override
  public boolean isReady() {
    return started && (mqtt == null || mqtt.isReady());
  }

  /**
   * False once an intake died for good: the MQTT client or its recovery, the SNMP listening
   * thread, or the inventory view the edge contract checks sites against. HTTP runs on the
   * platform's web server, whose liveness is the process's.
   */
  @Override
  public boolean isLive() {
    if (!started) {
      return true;
    }
    return (mqtt == null || mqtt.isLive()) && (snmp == null || snmp.isLive())
        && context.sites().isLive();
  }

  /** Mounted before the service starts: answers 503 until it has. */
  @Override
  public void register(RoutesConfig config) {
    config.post(IngestRoutes.PATH, ctx -> {
      IngestRoutes ready = routes;
      if (ready == null) {
        ctx.header("Retry-After", "5");
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the ingest gateway is starting");
      }
      ready.ingest(ctx);
    });
  }

  @Override
  public boolean authenticatesItself(String method, String path) {
    return IngestRoutes.covers(method, path);
  }

  /** The UDP port of the trap receiver, or -1 without one. */
  public int snmpPort() {
    return snmp == null ? -1 : snmp.port();
  }

  @Override
  public synchronized void close() {
    if (snmp != null) {
      snmp.close();
    }
    if (mqtt != null) {
      mqtt.close();
    }
    for (ServiceContext.Outputs o : new ServiceContext.Outputs[] {outputs, httpOutputs}) {
      if (o != null) {
        o.producer().flush();
        o.close();
      }
    }
    if (broker != null) {
      broker.close();
    }
  }
}
