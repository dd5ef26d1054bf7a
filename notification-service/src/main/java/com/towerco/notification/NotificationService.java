package com.towerco.notification;

import com.towerco.notification.delivery.Dispatcher;
import com.towerco.notification.http.NotificationApi;
import com.towerco.notification.intake.Intake;
import com.towerco.notification.settings.SettingsView;
import com.towerco.notification.stream.NotificationTopics;
import com.towerco.notification.stream.Ticker;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.StreamsService;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The notification service, wired: the intake that feeds the notifier, the notifier (a Kafka
 * Streams application), the dispatcher
 * that carries out its delivery requests, the ticker that is its clock, and the settings view
 * behind its HTTP API. Only wiring and lifecycle live here.
 */
public final class NotificationService implements PlatformService,
    com.towerco.platform.http.HttpRoutes {
  private final ServiceContext context;
  private final Intake intake;
  private final StreamsService notifier;
  private final Dispatcher dispatcher;
  private final Ticker ticker;
  private final SettingsView view;
  private final NotificationApi api;
  private final AutoCloseable apiOutputs;

  NotificationService(ServiceContext context, Intake intake, StreamsService notifier,
      Dispatcher dispatcher, Ticker ticker, SettingsView view, NotificationApi api,
      AutoCloseable apiOutputs) {
    this.context = context;
    this.intake = intake;
    this.notifier = notifier;
    this.dispatcher = dispatcher;
    this.ticker = ticker;
    this.view = view;
    this.api = api;
    this.apiOutputs = apiOutputs;
  }

  @Override
  public String name() {
    return NotificationServiceFactory.NAME;
  }

  @Override
  public void start() {
    NotificationTopics.provision(context.topics());
    view.start();
    notifier.start();
    intake.start();
    dispatcher.start();
    ticker.start();
    // the service is behind by what its three consumers are behind
    context.metrics().forService(name()).lagSource(() -> intake.lag() + dispatcher.lag()
        + streamsLag());
  }

  private long streamsLag() {
    KafkaStreams streams = notifier.streams();
    if (streams == null) {
      return 0;
    }
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
      if (m.getKey().name().equals("records-lag") && m.getKey().tags().containsKey("partition")
          && m.getValue().metricValue() instanceof Double d && !d.isNaN()) {
        total += d;
      }
    }
    return (long) total;
  }

  @Override
  public boolean isLive() {
    return notifier.isLive() && intake.isLive() && dispatcher.isLive() && view.isLive();
  }

  @Override
  public boolean isReady() {
    return notifier.isReady() && intake.isReady() && dispatcher.isReady() && view.loaded();
  }

  @Override
  public void register(RoutesConfig routes) {
    api.register(routes);
  }

  @Override
  public void close() {
    ticker.close();
    intake.close();
    dispatcher.close();
    notifier.close();
    view.close();
    try {
      apiOutputs.close();
    } catch (Exception e) {
      // closing anyway
    }
  }
}
