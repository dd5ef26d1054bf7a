package com.towerco.notification;

import com.towerco.events.TopicFamily;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.delivery.Dispatcher;
import com.towerco.notification.delivery.Senders;
import com.towerco.notification.http.NotificationApi;
import com.towerco.notification.intake.Intake;
import com.towerco.notification.settings.SettingsView;
import com.towerco.notification.settings.SettingsWriter;
import com.towerco.notification.stream.NotificationTopics;
import com.towerco.notification.stream.NotificationTopology;
import com.towerco.notification.stream.Ticker;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.runtime.StreamsService;
import com.towerco.platform.runtime.TopicNames;
import com.towerco.platform.runtime.TransactionalLoop;
import com.towerco.platform.security.KafkaAccess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Notification Service: routes each tenant's alerts to that tenant's receivers (HTTP
 * webhook with a generic JSON, Slack or Alertmanager body; e-mail over SMTP; the log), groups
 * them (a hub failure is one notification that updates), honours silences (recording what
 * they suppress), escalates unacknowledged incidents level by level, and delivers reliably:
 * retries with exponential backoff and jitter, a circuit breaker per receiver, an outcome event
 * per attempt, the dead-letter topic after the last. All of its state (groups, deliveries,
 * breakers, escalations) is in changelogged Kafka Streams stores, its settings on a compacted
 * topic, and its clock is tick events, so a restart loses nothing and replays decide the same.
 *
 * <p>Settings: declared below ({@link #settings}): {@code notification.config} (the routing
 * file), {@code notification.tick-interval}, {@code notification.dispatch-threads},
 * {@code notification.threads}. The instance id must be unique per process:
 * it names the intake's and the dispatcher's transactional ids and the three static group
 * memberships (notifier, intake, dispatcher).
 *
 * <p>The file: {@code smtp} (host, port, from, username, password, starttls, timeout),
 * {@code delivery} (max_attempts, initial_backoff, multiplier, max_backoff, jitter,
 * breaker_failure_threshold, breaker_open_for, request_timeout), {@code outbound} (allow,
 * connect_timeout, max_response_bytes, tenant_sends_per_minute, min_group_interval,
 * min_repeat_interval: where and how much the service may call out), and {@code tenants}: per
 * tenant id, {@code receivers} (name; type webhook | slack | alertmanager | email | log; url and
 * headers, or to), {@code routes} (name, matchers like {@code severity=~"critical|major"},
 * receivers, group_by, group_wait, group_interval, repeat_interval, send_resolved, continue,
 * max_alerts) and {@code escalations} (name, matchers, levels of {after, receivers}). Durations
 * as {@code 30s}, {@code 5m}, {@code 4h} or ISO-8601. See
 * {@code notification-routing.example.yaml} in this module's resources.
 *
 * <p>HTTP, under {@code /api/v1/notifications}: {@code GET|PUT /routing}, {@code GET|POST
 * /silences}, {@code GET|DELETE /silences/{id}}; see {@link NotificationApi}.
 */
public final class NotificationServiceFactory implements ServiceFactory {
  public static final String NAME = "notification";
  public static final String APPLICATION_ID = "towerco-notification-service";
  public static final String DISPATCHER_GROUP = APPLICATION_ID + "-dispatcher";
  public static final String INTAKE_GROUP = APPLICATION_ID + "-intake";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String groupId() {
    return APPLICATION_ID;
  }

  @Override
  public String description() {
    return "Notification Service: routing, grouping, silences, escalation, reliable delivery";
  }

  /**
   * Intake, notifier (Streams) and dispatcher: alerts, incident lifecycles and its own
   * delivery outcomes in; deliveries and settings out; the inbox and request topics its own;
   * the intake's and dispatcher's transactional ids start with {@code towerco-notification-}.
   */
  @Override
  public KafkaAccess kafkaAccess() {
    return KafkaAccess.of(NAME)
        .reads(TopicFamily.ALERT_NOTIFICATIONS, TopicFamily.INCIDENT_LIFECYCLE,
            TopicFamily.NOTIFICATION_DELIVERIES, TopicFamily.NOTIFICATION_SETTINGS)
        .writes(TopicFamily.NOTIFICATION_DELIVERIES, TopicFamily.NOTIFICATION_SETTINGS)
        .ownsTopics(NotificationTopics.INBOX, NotificationTopics.REQUESTS)
        .streamsApplication(APPLICATION_ID)
        .transactionalIds(TransactionalLoop.ID_PREFIX + NAME + "-");
  }

  static final Setting<String> CONFIG = Setting.text("notification.config", "",
      "Path of the routing file (YAML .yaml/.yml, else JSON): SMTP, delivery, outbound limits "
          + "and each tenant's receivers, routes and escalations; without it every tenant's "
          + "alerts are grouped and logged.").withDefaultText(null);
  static final Setting<Duration> TICK_INTERVAL = Setting.duration("notification.tick-interval",
      Duration.ofSeconds(1), "How often the notifier's clock ticks (group waits, retries, "
          + "escalations).");
  static final Setting<Integer> DISPATCH_THREADS = Setting.integer(
      "notification.dispatch-threads", 4, 1, 256, "Threads that call receivers.");
  static final Setting<Integer> THREADS = Setting.integer("notification.threads", 1, 1, 64,
      "Kafka Streams threads of the notifier.");

  @Override
  public List<Setting<?>> settings() {
    return List.of(CONFIG, TICK_INTERVAL, DISPATCH_THREADS, THREADS);
  }

  @Override
  public PlatformService create(ServiceContext context, ServiceSettings settings) {
    String file = CONFIG.from(settings);
    NotificationConfig config = file.isBlank() ? NotificationConfig.empty()
        : NotificationConfig.load(Path.of(file));
    var metrics = context.metrics().forService(NAME);
    var deps = new NotificationTopology.Dependencies(context.codec(), topics(context), config,
        metrics);
    StreamsService notifier = new StreamsService(context, NAME, APPLICATION_ID,
        NotificationTopology.build(deps), Map.of(
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100,
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS.from(settings),
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            APPLICATION_ID + "-" + context.config().instanceId(),
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            LogAndContinueExceptionHandler.class));
    Dispatcher dispatcher = new Dispatcher(context, NAME, DISPATCHER_GROUP,
        Senders.standard(config.smtp(), config.delivery().requestTimeout(), config.outbound()),
        DISPATCH_THREADS.from(settings),
        config.delivery().requestTimeout().multipliedBy(6), Clock.systemUTC());
    Ticker ticker = new Ticker(context.clients().producer("towerco-notification-ticker-"
        + context.config().instanceId()),
        TICK_INTERVAL.from(settings));
    SettingsView view = new SettingsView(context.clients(), context.topics(), context.decoder());
    ServiceContext.Outputs apiOutputs = context.outputs(NAME, "-api");
    NotificationApi api = new NotificationApi(view,
        new SettingsWriter(apiOutputs.publisher(), view), config,
        context.config().operatorTenant(), Clock.systemUTC());
    return new NotificationService(context, new Intake(context, NAME, INTAKE_GROUP), notifier,
        dispatcher, ticker, view, api, apiOutputs);
  }

  private static TopicNames topics(ServiceContext context) {
    return TopicNames.provisioning(context.topics());
  }
}
