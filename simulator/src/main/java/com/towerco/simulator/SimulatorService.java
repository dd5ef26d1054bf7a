package com.towerco.simulator;

import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.simulator.domain.SimulationReport;
import com.towerco.simulator.domain.SimulatorConfig;
import com.towerco.simulator.http.SimulatorRoutes;
import com.towerco.simulator.kafka.KafkaEventSink;
import io.javalin.config.RoutesConfig;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator on its own thread into Kafka, beside the platform's services: the
 * inventory first, then the fleet's events, until its duration is reached or the process stops.
 * Ready while it runs (or has finished) without error. Its report is logged when it stops and
 * served over HTTP.
 */
public final class SimulatorService implements PlatformService, HttpRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorService.class);

  private final ServiceContext context;
  private final UnaryOperator<EventSink> route;
  private final Simulator simulator;
  private final SimulatorRoutes routes;
  private ServiceContext.Outputs outputs;
  private Thread thread;
  private volatile boolean stopping;
  private volatile boolean started;
  private volatile RuntimeException failure;
  private volatile SimulationReport finalReport;

  public SimulatorService(ServiceContext context, SimulatorConfig config) {
    this(context, config, UnaryOperator.identity());
  }

  /**
   * {@code route} wraps the Kafka sink: the demo sends the sites' events through the ingest
   * gateway (MQTT) and only the inventory straight to Kafka.
   */
  public SimulatorService(ServiceContext context, SimulatorConfig config,
      UnaryOperator<EventSink> route) {
    this.route = route;
    this.context = context;
    this.simulator = new Simulator(config);
    this.routes = new SimulatorRoutes(simulator);
  }

  @Override
  public String name() {
    return SimulatorServiceFactory.NAME;
  }

  public Simulator simulator() {
    return simulator;
  }

  @Override
  public synchronized void start() {
    if (started) {
      return;
    }
    outputs = context.outputs(name(), "");
    EventSink sink = route.apply(new KafkaEventSink(context.topics(), outputs.publisher()));
    thread = new Thread(() -> {
      try {
        finalReport = simulator.run(sink, () -> stopping);
        LOG.info("simulator finished: {} events\n{}", finalReport.totalEvents(),
            finalReport.toText());
      } catch (RuntimeException e) {
        failure = e;
        LOG.error("simulator stopped with an error", e);
      }
    }, "simulator");
    thread.setDaemon(true);
    thread.start();
    started = true;
    SimulatorConfig c = simulator.config();
    LOG.info("simulating {} sites from {} at {} event/s per site ({}, speed {})", c.sites(),
        c.start(), c.eventsPerSecondPerSite(), c.pace(), c.speed());
  }

  /** A run that failed does not come back by itself. */
  @Override
  public boolean isLive() {
    return failure == null;
  }

  @Override
  public boolean isReady() {
    return started && failure == null;
  }

  /** True once the run has ended (duration reached, stopped or failed). */
  public boolean isFinished() {
    return started && !thread.isAlive();
  }

  /** The report of the finished run, or of the run so far. */
  public SimulationReport report() {
    SimulationReport done = finalReport;
    return done != null ? done : simulator.report();
  }

  @Override
  public void register(RoutesConfig config) {
    routes.register(config);
  }

  @Override
  public synchronized void close() {
    stopping = true;
    if (thread != null) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (outputs != null) {
      outputs.close();
    }
  }
}
