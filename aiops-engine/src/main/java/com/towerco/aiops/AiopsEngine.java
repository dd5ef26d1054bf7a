package com.towerco.aiops;

import com.towerco.aiops.visits.VisitBridge;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.StreamsService;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * The engine, wired: the Kafka Streams application (rules, detection, correlation), the bridge
 * that turns the incident saga's dispatches into scheduled visits, the view of the operator's
 * policy the rules apply, and the NOC's HTTP API (maintenance windows, visits, policy).
 * Only wiring and lifecycle live here.
 */
final class AiopsEngine implements PlatformService, HttpRoutes {
  private final StreamsService streams;
  private final VisitBridge visits;
  private final com.towerco.aiops.policy.PolicyView policy;
  private final List<HttpRoutes> apis;
  private final AutoCloseable apiOutputs;

  AiopsEngine(StreamsService streams, VisitBridge visits,
      com.towerco.aiops.policy.PolicyView policy, List<HttpRoutes> apis,
      AutoCloseable apiOutputs) {
    this.streams = streams;
    this.visits = visits;
    this.policy = policy;
    this.apis = apis;
    this.apiOutputs = apiOutputs;
  }

  @Override
  public String name() {
    return AiopsEngineServiceFactory.NAME;
  }

  @Override
  public void start() {
    policy.start();
    streams.start();
    visits.start();
  }

  @Override
  public boolean isReady() {
    return streams.isReady() && visits.isReady() && policy.caughtUp();
  }

  @Override
  public boolean isLive() {
    return streams.isLive() && visits.isLive() && policy.isLive();
  }

  @Override
  public void register(RoutesConfig routes) {
    apis.forEach(api -> api.register(routes));
  }

  /** The Kafka Streams application, for tests and metrics. */
  StreamsService streams() {
    return streams;
  }

  @Override
  public void close() {
    visits.close();
    streams.close();
    policy.close();
    try {
      apiOutputs.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
