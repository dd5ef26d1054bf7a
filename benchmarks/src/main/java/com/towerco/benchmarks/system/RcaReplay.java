package com.towerco.benchmarks.system;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.aiops.stream.AiopsTopology;
import com.towerco.aiops.stream.RecordDecoder;
import com.towerco.platform.runtime.TopicNames;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.AttachAlert;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.incident.RankedCause;
import com.towerco.events.payload.incident.UpdateRootCause;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.metrics.PlatformMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Replays site events through the AIOps engine's very topology in Kafka's in-process driver
 * (deterministic, event time only) and follows what comes out: every incident command (open,
 * attach, root cause and severity updates, clear) and every alert fired on the operator's
 * alert topic.
 */
final class RcaReplay {
  private static final String OPERATOR = "towerco";

  private RcaReplay() {}

  /**
   * The incidents as finally known, how many alerts notified along the way (published on the
   * operator's alert topic) and how many fired in all (notified or evidence only).
   */
  record Result(List<RcaScore.Outcome> incidents, int alertsFired, int alertsRaw,
      List<RcaScore.Notice> notified) {}

  static Result replay(List<Envelope> events, Map<String, SiteRegistered> inventory) {
    EventCodec codec = new EventCodec();
    var metrics = new PlatformMetrics().forService("aiops-rca-bench");
    var deps = new AiopsTopology.Dependencies(codec, RecordDecoder.of(codec),
        id -> Optional.ofNullable(inventory.get(id)), TopicNames.plain(), OPERATOR,
        CorrelationPolicy.defaults(), metrics, 1,
        Duration.ofSeconds(60), com.towerco.aiops.detection.Detectors.byName("adaptive"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rca-bench");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-process:0");
    // A state directory of its own: two replays at once (or two engineers' runs) never share
    // RocksDB stores.
    java.nio.file.Path stateDir;
    try {
      stateDir = java.nio.file.Files.createTempDirectory("rca-bench-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create a state directory", e);
    }
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    Map<String, Tracked> outcomes = new LinkedHashMap<>();
    Set<String> alerts = new HashSet<>();
    List<RcaScore.Notice> notified = new java.util.ArrayList<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(AiopsTopology.build(deps), props)) {
      Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
      TestOutputTopic<String, byte[]> commands = driver.createOutputTopic(
          TopicFamily.INCIDENT_COMMANDS.topic(OPERATOR), new StringDeserializer(),
          new ByteArrayDeserializer());
      TestOutputTopic<String, byte[]> alertTopic = driver.createOutputTopic(
          TopicFamily.ALERT_NOTIFICATIONS.topic(OPERATOR), new StringDeserializer(),
          new ByteArrayDeserializer());
      for (Envelope event : events) {
        if (event.siteId().isEmpty()) {
          continue;
        }
        inputs.computeIfAbsent(event.siteId(), site -> driver.createInputTopic(
                TopicFamily.SITE_EVENTS.topic(site), new StringSerializer(),
                new ByteArraySerializer()))
            .pipeInput(event.siteId(), codec.encode(event), event.timestamp());
        if (!commands.isEmpty()) {
          for (byte[] value : commands.readValuesToList()) {
            follow(decode(codec, value), outcomes);
          }
        }
        if (!alertTopic.isEmpty()) {
          for (var record : alertTopic.readRecordsToList()) {
            if (decode(codec, record.value()).payload() instanceof AlertFiring firing) {
              if (alerts.add(firing.alertId())) {
                notified.add(new RcaScore.Notice(record.getRecordTime(), firing.startsAt(),
                    firing.rule(), firing.siteId(), firing.severity(),
                    firing.labels().getOrDefault("notified", "at-once"),
                    firing.fingerprint()));
              }
            }
          }
        }
      }
    }
    deleteQuietly(stateDir);
    // every new alert is counted once, when the engine decides it: notified, or evidence only
    // (kept from notifying, or held for a problem that cleared before it settled); an alert
    // that escalated its problem was counted as evidence when it came
    return new Result(outcomes.values().stream().map(Tracked::result).toList(), alerts.size(),
        outcome(metrics, "notified") + outcome(metrics, "suppressed"), notified);
  }

  private static int outcome(com.towerco.platform.metrics.ServiceMetrics metrics,
      String outcome) {
    var counter = metrics.registry().find(com.towerco.aiops.stream.NotificationOutcomes.METER)
        .tag("outcome", outcome).counter();
    return counter == null ? 0 : (int) counter.count();
  }

  private static void deleteQuietly(java.nio.file.Path dir) {
    try (var paths = java.nio.file.Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary directory left behind; nothing depends on it
    }
  }

  private static Envelope decode(EventCodec codec, byte[] value) {
    try {
      return codec.decode(value);
    } catch (InvalidEventException e) {
      throw new IllegalStateException("the engine wrote an invalid event: " + e.detail(), e);
    }
  }

  private static void follow(Envelope command, Map<String, Tracked> outcomes) {
    if (command.payload() instanceof OpenIncident open) {
      outcomes.put(open.incidentId(), new Tracked(open));
    } else if (command.payload() instanceof UpdateRootCause update) {
      Tracked o = outcomes.get(update.incidentId());
      if (o != null) {
        o.ranking = update.rankedCauses();
        if (update.severity() != null) {
          o.severity = update.severity();
        }
        if (update.title() != null) {
          o.title = update.title();
        }
      }
    } else if (command.payload() instanceof AttachAlert attach) {
      Tracked o = outcomes.get(attach.incidentId());
      if (o != null) {
        o.sites.add(attach.siteId());
      }
    } else if (command.payload() instanceof ClearIncident clear) {
      Tracked o = outcomes.get(clear.incidentId());
      if (o != null) {
        o.clearedAt = clear.clearedAt();
      }
    }
  }

  /** What is known so far of one incident. */
  private static final class Tracked {
    final String incidentId;
    final Set<String> sites = new TreeSet<>();
    final Instant openedAt;
    Instant clearedAt;
    List<RankedCause> ranking;
    AlertSeverity severity;
    String title;

    Tracked(OpenIncident open) {
      incidentId = open.incidentId();
      sites.addAll(open.affectedSites());
      openedAt = open.detectedAt();
      severity = open.severity();
      title = open.title();
      ranking = open.rankedCauses() != null ? open.rankedCauses()
          : List.of(new RankedCause(open.rootCause().siteId(), open.rootCause().kind(),
              open.rootCause().description(), open.rootCause().confidence(), "headline",
              List.of()));
    }

    RcaScore.Outcome result() {
      return new RcaScore.Outcome(incidentId, Set.copyOf(sites), openedAt, clearedAt, ranking,
          severity, title);
    }
  }
}
