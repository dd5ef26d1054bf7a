package com.towerco.analytics;

import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.http.AnalyticsRoutes;
import com.towerco.analytics.ingest.IngestHandler;
import com.towerco.analytics.ingest.IngestMetrics;
import com.towerco.analytics.ingest.Rejects;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.analytics.jdbc.Retention;
import com.towerco.analytics.jdbc.SlaQueries;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.kafka.FetchPace;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import io.javalin.config.RoutesConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the analytics service: the database (opened and migrated on creation, so the query
 * routes work before consumption starts), one consumer group over every topic family feeding
 * {@link IngestHandler}s, the query routes, and the retention job.
 */
public final class AnalyticsService implements PlatformService, HttpRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);
  /**
   * Every topic family of the published contract but three: the dead-letter topic (records that
   * are not valid events), the notification settings (receivers' addresses and webhook
   * credentials, which analysts have no need to read) and the processes' heartbeats (platform
   * health, not events). The notification service's private
   * working topics are no family, so no pattern matches them.
   */
  static final Set<TopicFamily> NOT_STORED = EnumSet.of(TopicFamily.DEAD_LETTER,
      TopicFamily.NOTIFICATION_SETTINGS, TopicFamily.PLATFORM_HEALTH);
  static final Pattern SUBSCRIPTION = ConsumerService.anyOf(Arrays.stream(TopicFamily.values())
      .filter(f -> !NOT_STORED.contains(f)).map(TopicFamily::pattern).toArray(Pattern[]::new));

  /**
   * Off the alert path (ADR-025): history is stored for reports and queries over hours and
   * months, so rows land a second or two later; an eager reader of every topic (every site
   * topic among them) costs the broker a fetch over all of them every 50 ms.
   */
  public static final FetchPace PACE = FetchPace.BACKGROUND;

  private final String name;
  private final Database database;
  private final ServiceContext.Outputs rejectsOutput;
  private final IngestMetrics metrics;
  private final ConsumerService consumer;
  private final AnalyticsRoutes routes;
  private final Retention retention;
  private final Duration retentionInterval;
  private ScheduledExecutorService retentionTimer;

  public AnalyticsService(ServiceContext context, String name, String groupId,
      AnalyticsSettings settings) {
    this.name = name;
    this.database = Database.open(settings.jdbcUrl(), settings.jdbcUser(),
        settings.jdbcPassword(), settings.timescale(), settings.poolSize());
    this.rejectsOutput = context.outputs(name, "-rejects");
    this.metrics = new IngestMetrics(context.metrics().registry());
    EventSink sink = new EventSink(database, groupId);
    Rejects rejects = (source, detail) -> rejectsOutput.deadLetters().send(source.topic(),
        source.partition(), source.offset(), source.key(), source.value(), null,
        RejectReason.PROCESSING_FAILED, detail).get();
    this.consumer = new ConsumerService(context, name, groupId, SUBSCRIPTION,
        () -> new IngestHandler(new Projector(), sink, settings.ingest(), rejects,
            context.metrics().forService(name), metrics),
        settings.instances(), Duration.ofSeconds(1)).paced(PACE);
    this.retention = new Retention(database, settings.retention(), Clock.systemUTC());
    this.retentionInterval = settings.retentionInterval();
    this.routes = new AnalyticsRoutes(
        new AnalyticsQueries(database.dataSource(), context.config().operatorTenant()),
        new SlaQueries(database.dataSource()), this::status);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start() {
    consumer.start();
    try {
      retention.install();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the retention policies: " + e.getMessage(), e);
    }
    if (!retentionInterval.isZero()) {
      retentionTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, name + "-retention");
        t.setDaemon(true);
        return t;
      });
      retentionTimer.scheduleWithFixedDelay(this::applyRetention, 0,
          retentionInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void applyRetention() {
    try {
      retention.apply();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("analytics retention failed ({}); retrying in {}", e.getMessage(),
          retentionInterval);
    }
  }

  @Override
  public boolean isLive() {
    return consumer.isLive();
  }

  @Override
  public boolean isReady() {
    return consumer.isReady();
  }

  @Override
  public void register(RoutesConfig config) {
    routes.register(config);
  }

  public Database database() {
    return database;
  }

  private Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("store", database.dialect().name().toLowerCase(java.util.Locale.ROOT));
    status.put("events_written", (long) metrics.eventsWritten());
    status.put("buffered_events", metrics.bufferedEvents());
    status.put("write_failures", (long) metrics.failures());
    return status;
  }

  @Override
  public void close() {
    if (retentionTimer != null) {
      retentionTimer.shutdownNow();
    }
    consumer.close();
    rejectsOutput.close();
    database.close();
  }
}
