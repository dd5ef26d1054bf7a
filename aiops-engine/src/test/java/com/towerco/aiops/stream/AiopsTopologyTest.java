package com.towerco.aiops.stream;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.correlation.CorrelationPolicy;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.InvalidEventException;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AiopsTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private final EventCodec codec = new EventCodec();
  private final Map<String, SiteRegistered> inventory = new HashMap<>();
  private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
  private TopologyTestDriver driver;

  @BeforeEach
  void start() {
    inventory.put("H1", aSite().asHub().withTenant("altel").build());
    for (int i = 1; i <= 5; i++) {
      inventory.put("S" + i, aSite().behindHub("H1").withTenant("altel").withTenant("borealis")
          .build());
    }
    inventory.put("S7", aSite().withTenant("borealis").build());
    inventory.put("S20", aSite().inRegion("south").withTenant("cygnus").build());
    build(com.towerco.aiops.alerting.RulePolicies.defaults());
  }

  /**
   * Anomaly alerts are evidence only by default (they do not notify alone): the tests of what
   * an anomaly alert says read them with every alert notified.
   */
  private void notifyEveryAlert() {
    driver.close();
    var d = com.towerco.aiops.alerting.RulePolicies.defaults();
    build(new com.towerco.aiops.alerting.RulePolicies(d.thresholds(), d.cabinetRatePerMinute(),
        d.inhibition(), com.towerco.aiops.alerting.NotificationPolicy.everyAlert()));
  }

  private void build(com.towerco.aiops.alerting.RulePolicies rules) {
    inputs.clear();
    var deps = new AiopsTopology.Dependencies(codec, RecordDecoder.of(codec),
        id -> Optional.ofNullable(inventory.get(id)), TopicNames.plain(), "towerco",
        CorrelationPolicy.defaults(), new PlatformMetrics().forService("aiops"), 2,
        Duration.ofSeconds(60), countingCreations(
            com.towerco.aiops.detection.Detectors.byName("adaptive")),
        AnomalyPolicies.defaults(), rules);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aiops-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AiopsTopology.build(deps), props);
  }

  private final java.util.concurrent.atomic.AtomicInteger detectorsCreated =
      new java.util.concurrent.atomic.AtomicInteger();

  private com.towerco.aiops.detection.DetectorFactory countingCreations(
      com.towerco.aiops.detection.DetectorFactory factory) {
    return new com.towerco.aiops.detection.DetectorFactory() {
      @Override
      public String name() {
        return factory.name();
      }

      @Override
      public String description() {
        return factory.description();
      }

      @Override
      public com.towerco.aiops.detection.Detector create() {
        detectorsCreated.incrementAndGet();
        return factory.create();
      }

      @Override
      public com.towerco.aiops.detection.Detector restore(byte[] snapshot) {
        return factory.restore(snapshot);
      }
    };
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void siteEventsAndKpisAreSeparateSubTopologiesThatMeetOnlyInCorrelation() {
    var subtopologies = AiopsTopology.build(new AiopsTopology.Dependencies(codec,
        RecordDecoder.of(codec), id -> Optional.empty(), TopicNames.plain(), "towerco",
        CorrelationPolicy.defaults(), new PlatformMetrics().forService("aiops"), 2,
        Duration.ofSeconds(60), com.towerco.aiops.detection.Detectors.byName("adaptive")))
        .describe().subtopologies();
    Map<String, Integer> subtopologyOfNode = new HashMap<>();
    subtopologies.forEach(sub -> sub.nodes().forEach(node ->
        subtopologyOfNode.put(node.name(), sub.id())));

    assertThat(subtopologies).as("site events, KPIs, correlation").hasSize(3);
    assertThat(subtopologyOfNode.get("site-rules"))
        .as("site and tenant topics have different partition counts, so their tasks differ")
        .isNotEqualTo(subtopologyOfNode.get("kpi-anomalies"));
    assertThat(subtopologyOfNode.get("correlation"))
        .isNotIn(subtopologyOfNode.get("site-rules"), subtopologyOfNode.get("kpi-anomalies"));
  }

  @Test
  void eachSeriesKeepsOneDetectorThatLearnsForAsLongAsTheSiteReports() {
    for (int i = 0; i < 2_000; i++) {
      pipe("S7", T0.plusSeconds(10L * i), aReading().tenant("borealis", 53.5 + i % 5 * 0.01, 1)
          .build());
    }
    int series = com.towerco.aiops.detection.TelemetryMetrics.of(aReading()
        .tenant("borealis", 53.5, 1).build()).size();
    assertThat(detectorsCreated.get()).as("one detector per (site, metric), never restarted")
        .isEqualTo(series);
  }

  @Test
  void deadLettersAMalformedRecordWithItsReasonAndKeepsGoing() {
    pipeRaw("S1", "{\"event_id\":".getBytes(StandardCharsets.UTF_8));
    pipe("S7", T0, alarm("A-1", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    advanceTo(T0.plusSeconds(60)); // an alert notifies once its problem has settled (ADR-027)

    var dead = output("towerco.dlq").readRecord();
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.REASON)).isEqualTo("MALFORMED_JSON");
    assertThat(DeadLetters.header(dead.headers(), DeadLetters.TOPIC))
        .isEqualTo(TopicFamily.SITE_EVENTS.topic("S1"));
    assertThat(events("towerco.alerts.towerco.notifications")).hasSize(1);
  }

  @Test
  void sitesSharingAGroupTopicAndASiteOnItsOwnTopicFromBeforeAdr029EachGetTheirAlert() {
    assertThat(TopicFamily.SITE_EVENTS.topic("S4")).as("S1 and S4 share group 2")
        .isEqualTo(TopicFamily.SITE_EVENTS.topic("S1"));
    pipe("S1", T0, alarm("A-1", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    pipe("S4", T0, alarm("B-1", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    Envelope legacy = Envelope.of(EventIds.random(), "towerco", "S3", T0, alarm("C-1",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true), Map.of());
    topic("towerco.sites.S3.events").pipeInput(new TestRecord<>("S3", codec.encode(legacy),
        T0));
    advanceTo(T0.plusSeconds(60)); // an alert notifies once its problem has settled (ADR-027)

    // three mains failures behind one hub at once are one problem (one notification); its
    // incident names every alert
    assertThat(payloads("towerco.incidents.towerco.commands", OpenIncident.class).stream()
        .mapToInt(i -> i.alertIds().size()).sum())
        .as("each site's alarm is its own alert, whichever topic carried it").isEqualTo(3);
  }

  @Test
  void anAlarmFiresOneAlertForTheNocAndACopyForEachTenantThatNamesOnlyThatTenant() {
    Envelope raised = pipe("S1", T0, alarm("A-1",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    input("S1").pipeInput(new TestRecord<>("S1", codec.encode(raised), T0));
    pipe("S1", T0.plusSeconds(1), aReading().gridDown().generatorRunning()
        .tenant("altel", 53.5, 1).tenant("borealis", 53.5, 1).build());
    advanceTo(T0.plusSeconds(60)); // an alert notifies once its problem has settled (ADR-027)

    List<AlertFiring> noc = payloads("towerco.alerts.towerco.notifications", AlertFiring.class);
    assertThat(noc).as("alarm, its duplicate and the telemetry make one alert").hasSize(1);
    assertThat(noc.get(0).rule()).isEqualTo("mains-failure");
    assertThat(noc.get(0).affectedTenants()).containsExactly("altel", "borealis");
    List<AlertFiring> altel = payloads("towerco.alerts.altel.notifications", AlertFiring.class);
    assertThat(altel).hasSize(1);
    assertThat(altel.get(0).affectedTenants()).containsExactly("altel");
  }

  @Test
  void routesOnRecordHeadersAndWritesEachAlertWithItsOwnHeaders() {
    Envelope raised = Envelope.of(EventIds.random(), "towerco", "S1", T0, alarm("A-1",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true), Map.of());
    // A repeat is recognised from its headers alone: its value is never parsed.
    input("S1").pipeInput(new TestRecord<>("S1", codec.encode(raised),
        EventHeaders.of(raised), T0));
    input("S1").pipeInput(new TestRecord<>("S1", "{not json".getBytes(StandardCharsets.UTF_8),
        EventHeaders.of(raised), T0));
    // A type the rules do not read is skipped on its headers, undecoded.
    Envelope registered = Envelope.of(EventIds.random(), "towerco", "S1", T0,
        inventory.get("S1"), Map.of());
    input("S1").pipeInput(new TestRecord<>("S1", "{not json".getBytes(StandardCharsets.UTF_8),
        EventHeaders.of(registered), T0));
    advanceTo(T0.plusSeconds(60)); // an alert notifies once its problem has settled (ADR-027)

    var records = output("towerco.alerts.towerco.notifications").readRecordsToList();
    assertThat(records).hasSize(1);
    Envelope alert = decode(records.get(0).value());
    assertThat(alert.eventType()).isEqualTo("alert.firing");
    assertThat(EventHeaders.read(records.get(0).headers()))
        .as("the alert's own routing headers, not the alarm's")
        .isEqualTo(EventHeaders.Attributes.of(alert));
    assertThat(output("towerco.dlq").readRecordsToList()).isEmpty();
  }

  @Test
  void deadLettersAnEnvelopeItsHeadersMisdescribe() {
    Envelope raised = Envelope.of(EventIds.random(), "towerco", "S1", T0, alarm("A-1",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true), Map.of());
    EventHeaders.Attributes claimed = new EventHeaders.Attributes(raised.eventId(),
        raised.eventType(), raised.version(), "altel", "S1", T0);
    input("S1").pipeInput(new TestRecord<>("S1", codec.encode(raised),
        EventHeaders.of(claimed), T0));

    assertThat(output("towerco.alerts.towerco.notifications").readRecordsToList()).isEmpty();
    var dead = output("towerco.dlq").readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON))
        .isEqualTo("SCHEMA_VIOLATION");
  }

  @Test
  void deadLettersARecordWhoseRoutingHeadersAreIncomplete() {
    Envelope raised = Envelope.of(EventIds.random(), "towerco", "S1", T0, alarm("A-1",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true), Map.of());
    org.apache.kafka.common.header.Headers partial = EventHeaders.of(raised);
    partial.remove(EventHeaders.TENANT);
    input("S1").pipeInput(new TestRecord<>("S1", codec.encode(raised), partial, T0));

    assertThat(output("towerco.alerts.towerco.notifications").readRecordsToList()).isEmpty();
    var dead = output("towerco.dlq").readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON))
        .isEqualTo("SCHEMA_VIOLATION");
  }

  /**
   * ADR-057/059: admission dead-letters a record whose Kafka timestamp is too far ahead; the
   * processors dead-letter one whose routing header (or envelope) says so, before decoding it or
   * skipping it as a repeat. Each goes raw to the DLQ as FUTURE_TIMESTAMP, and nothing fires.
   */
  @Test
  void deadLettersFutureStampedRecordsOnTheirKafkaTimestampOrTheirRoutingHeaders() {
    Instant ahead = Instant.now().plus(Duration.ofHours(2)).truncatedTo(
        java.time.temporal.ChronoUnit.SECONDS);
    Envelope now = Envelope.of(EventIds.random(), "towerco", "S1", T0, alarm("A-1",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true), Map.of());
    input("S1").pipeInput(new TestRecord<>("S1", codec.encode(now), EventHeaders.of(now),
        ahead));
    Envelope future = Envelope.of(EventIds.random(), "towerco", "S2", ahead, alarm("A-2",
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true), Map.of());
    // Its headers are judged before its value is parsed: a value that is not JSON at all is
    // still refused for its time, and so is its repeat.
    input("S2").pipeInput(new TestRecord<>("S2", "{not json".getBytes(StandardCharsets.UTF_8),
        EventHeaders.of(future), T0));
    input("S2").pipeInput(new TestRecord<>("S2", codec.encode(future), EventHeaders.of(future),
        T0));
    Envelope kpi = kpiEnvelope("S3", null, ahead, Map.of(KpiComputed.GENERATOR_RUN_S, 300.0));
    kpiInput("towerco").pipeInput(new TestRecord<>("S3", "{not json".getBytes(
        StandardCharsets.UTF_8), EventHeaders.of(kpi), T0));
    // An incomplete set is judged on its time too, before what it lacks is.
    org.apache.kafka.common.header.Headers partial = EventHeaders.of(future);
    partial.remove(EventHeaders.TENANT);
    input("S2").pipeInput(new TestRecord<>("S2", codec.encode(future), partial, T0));

    var dead = output("towerco.dlq").readRecordsToList();
    assertThat(dead).extracting(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
        .containsExactly("FUTURE_TIMESTAMP", "FUTURE_TIMESTAMP", "FUTURE_TIMESTAMP",
            "FUTURE_TIMESTAMP", "FUTURE_TIMESTAMP");
    assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.DETAIL))
        .startsWith("record timestamp");
    assertThat(dead.get(0).timestamp()).as("stamped now, not with its refused timestamp")
        .isLessThan(ahead.minus(Duration.ofHours(1)).toEpochMilli());
    assertThat(dead.get(0).value()).isEqualTo(codec.encode(now));
    assertThat(dead.subList(1, 5)).extracting(r -> DeadLetters.header(r.headers(),
        DeadLetters.DETAIL)).allSatisfy(d -> assertThat(d).startsWith("event time"));
    assertThat(dead.get(1).value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(dead.get(2).value()).isEqualTo(codec.encode(future));
    advanceTo(T0.plusSeconds(60));
    assertThat(output("towerco.alerts.towerco.notifications").readRecordsToList()).isEmpty();
  }

  private Envelope decode(byte[] value) {
    try {
      return codec.decode(value);
    } catch (InvalidEventException e) {
      throw new AssertionError(e.detail(), e);
    }
  }

  @Test
  void opensOneIncidentWhenHubFailureTakesDownItsSites() {
    pipe("H1", T0, alarm("T-1", SiteAlarm.ProbableCause.TRANSMISSION_FAILURE, true));
    for (int i = 1; i <= 5; i++) {
      pipe("S" + i, T0.plusSeconds(i), unreachable());
    }
    advanceTo(T0.plusSeconds(60));

    List<OpenIncident> incidents =
        payloads("towerco.incidents.towerco.commands", OpenIncident.class);
    assertThat(incidents).hasSize(1);
    OpenIncident incident = incidents.get(0);
    assertThat(incident.rootCause().siteId()).isEqualTo("H1");
    assertThat(incident.rootCause().kind()).isEqualTo("hub-transmission-failure");
    assertThat(incident.affectedSites()).containsExactlyInAnyOrder("H1", "S1", "S2", "S3", "S4",
        "S5");
    assertThat(incident.alertIds()).hasSize(6);
    assertThat(incident.affectedTenants()).containsExactly("altel", "borealis");
  }

  @Test
  void aCarriedMainsFailureNotifiesAfterItSettledAtMinorAndAGeneratorFailureEscalatesItToMajor() {
    pipe("S1", T0, alarm("A-1", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    advanceTo(T0.plusSeconds(15));
    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class))
        .as("held while the problem settles").isEmpty();

    advanceTo(T0.plusSeconds(60));
    List<AlertFiring> noc = payloads("towerco.alerts.towerco.notifications", AlertFiring.class);
    assertThat(noc).extracting(AlertFiring::rule, AlertFiring::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("mains-failure", AlertSeverity.MINOR));
    assertThat(noc.get(0).labels()).containsEntry("alarm_severity", "major")
        .containsEntry("notified", "settled");
    assertThat(payloads("towerco.alerts.altel.notifications", AlertFiring.class))
        .extracting(AlertFiring::severity).containsExactly(AlertSeverity.MINOR);

    pipe("S1", T0.plusSeconds(90), alarm("G-1", SiteAlarm.ProbableCause.GENERATOR_FAILURE,
        true));
    List<AlertFiring> escalated = payloads("towerco.alerts.towerco.notifications",
        AlertFiring.class);
    assertThat(escalated).extracting(AlertFiring::rule, AlertFiring::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("generator-failure", AlertSeverity.MAJOR));
    assertThat(escalated.get(0).labels()).containsEntry("notified", "escalated");
  }

  @Test
  void anAlarmRaisedAndClearedWithinTheSettleTimeNotifiesNobody() {
    pipe("S1", T0, alarm("A-1", SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE, true));
    pipe("S1", T0.plusSeconds(8), alarm("A-1", SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE,
        false));
    advanceTo(T0.plusSeconds(400));

    assertThat(events("towerco.alerts.towerco.notifications")).isEmpty();
    assertThat(payloads("towerco.incidents.towerco.commands", OpenIncident.class)).isEmpty();
  }

  @Test
  void aHubFailureNotifiesOnceAndItsSitesUnreachableAlertsAreEvidenceOnTheIncident() {
    pipe("H1", T0, alarm("T-1", SiteAlarm.ProbableCause.TRANSMISSION_FAILURE, true));
    for (int i = 1; i <= 5; i++) {
      pipe("S" + i, T0.plusSeconds(i), unreachable());
    }
    advanceTo(T0.plusSeconds(60));

    List<AlertFiring> noc = payloads("towerco.alerts.towerco.notifications", AlertFiring.class);
    assertThat(noc).extracting(AlertFiring::rule).containsExactly("transmission-failure");
    OpenIncident incident = payloads("towerco.incidents.towerco.commands", OpenIncident.class)
        .get(0);
    assertThat(incident.alertIds()).as("suppressed, not lost").hasSize(6);
  }

  @Test
  void aMaintenanceWindowKeepsItsSitesAlertsFromPagingAndOpensNoIncident() {
    pipe("S7", T0, new com.towerco.events.payload.site.SiteMaintenanceWindow("mw-1", T0,
        T0.plusSeconds(3600), "rectifier swap", "noc-anna"));
    pipe("S7", T0.plusSeconds(60), alarm("A-7", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE,
        true));
    advanceTo(T0.plusSeconds(300));

    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class)).isEmpty();
    assertThat(payloads("towerco.incidents.towerco.commands", OpenIncident.class)).isEmpty();

    // after the window the same fault pages as usual
    pipe("S7", T0.plusSeconds(3700), alarm("A-8",
        SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE, true));
    advanceTo(T0.plusSeconds(3800));
    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class))
        .extracting(AlertFiring::rule).containsExactly("hvac-failure");
  }

  @Test
  void aDispatchedTechniciansDoorOpeningIsAScheduledVisitNotAnIntrusion() {
    Envelope dispatch = Envelope.of(EventIds.random(), "towerco", "S7", T0,
        new com.towerco.events.payload.incident.DispatchRequested("inc-1", "d-1", "S7",
            "replace the rectifier", "noc-anna", T0, T0.plusSeconds(3600)), Map.of());
    Envelope visit = com.towerco.aiops.visits.SiteVisits.fromDispatch(dispatch, "towerco",
        Duration.ofHours(8)).orElseThrow();
    input("S7").pipeInput(new TestRecord<>("S7", codec.encode(visit), T0));
    for (int s = 0; s < 600; s += 15) {
      pipe("S7", T0.plusSeconds(3600 + s), aReading().doorOpen().build());
    }
    advanceTo(T0.plusSeconds(4300));

    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class))
        .extracting(AlertFiring::rule).doesNotContain("unscheduled-door-open");
  }

  @Test
  void withoutAVisitTheSameDoorOpeningIsUnscheduled() {
    for (int s = 0; s < 600; s += 15) {
      pipe("S7", T0.plusSeconds(3600 + s), aReading().doorOpen().build());
    }
    advanceTo(T0.plusSeconds(4300));

    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class))
        .extracting(AlertFiring::rule).contains("unscheduled-door-open");
  }

  @Test
  void twoIndependentFaultsInDifferentPlacesGiveTwoIncidents() {
    pipe("S7", T0, alarm("A-7", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    pipe("S20", T0.plusSeconds(2), alarm("A-20", SiteAlarm.ProbableCause.AIR_CONDITIONING_FAILURE,
        true));
    advanceTo(T0.plusSeconds(60));

    assertThat(payloads("towerco.incidents.towerco.commands", OpenIncident.class))
        .extracting(i -> i.rootCause().siteId() + ":" + i.rootCause().kind())
        .containsExactlyInAnyOrder("S7:mains-failure", "S20:hvac-failure");
  }

  @Test
  void generatorFailureAfterMainsFailureIsTheRootCauseOfOneIncident() {
    pipe("S7", T0, alarm("M-1", SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, true));
    pipe("S7", T0.plusSeconds(8), alarm("G-1", SiteAlarm.ProbableCause.GENERATOR_FAILURE, true));
    advanceTo(T0.plusSeconds(60));

    List<OpenIncident> incidents =
        payloads("towerco.incidents.towerco.commands", OpenIncident.class);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).rootCause().kind()).isEqualTo("generator-failure");
    assertThat(incidents.get(0).rootCause().description()).contains("mains failure (trigger)");
  }

  @Test
  void fuelThatVanishesWithTheGeneratorOffRaisesAFuelTheftAlertWithItsEvidence() {
    for (int minute = 0; minute < 40; minute++) {
      double level = minute < 30 ? 800 : 800 - (minute - 29) * 25;
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().fuel(level).build());
    }

    List<AlertFiring> alerts = payloads("towerco.alerts.towerco.notifications",
        AlertFiring.class);
    assertThat(alerts).extracting(AlertFiring::rule).contains("fuel-theft");
    AlertFiring theft = alerts.stream().filter(a -> a.rule().equals("fuel-theft"))
        .findFirst().orElseThrow();
    assertThat(theft.labels()).containsKey("finding");
  }

  @Test
  void aTelemetrySeriesLeavingItsLearnedBehaviourRaisesAnAnomalyAlertThatSaysWhy() {
    notifyEveryAlert();
    for (int minute = 0; minute < 24 * 60; minute += 5) {
      double soc = minute < 23 * 60 ? 98 + (minute % 10 == 0 ? 0.2 : -0.2) : 40;
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().soc(soc).build());
    }

    AlertFiring anomaly = payloads("towerco.alerts.towerco.notifications", AlertFiring.class)
        .stream().filter(a -> a.rule().startsWith("anomaly")).findFirst().orElseThrow();
    assertThat(anomaly.labels()).containsKeys("score", "expected_low", "expected_high",
        "observed", "detector");
    assertThat(anomaly.labels().get("metric")).isEqualTo("battery.soc_pct");
  }

  @Test
  void aTelemetryAnomalyWithARuleAlertOfItsChainIsOneAlertNotTwo() {
    for (int minute = 0; minute < 24 * 60; minute += 5) {
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().build());
    }
    // Mains fails: the mains-failure rule fires and the mains voltage is far from its learned
    // behaviour; the voltage's detector joins the rule's alert instead of raising its own.
    for (int minute = 24 * 60; minute < 25 * 60; minute += 5) {
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().gridDown().generatorRunning().build());
    }

    List<AlertFiring> alerts = payloads("towerco.alerts.towerco.notifications",
        AlertFiring.class);
    assertThat(alerts).extracting(AlertFiring::rule).containsExactly("mains-failure");
  }

  @Test
  void aTelemetryAnomalyWithoutARuleAlertRaisesItsOwnAlert() {
    notifyEveryAlert();
    for (int minute = 0; minute < 24 * 60; minute += 5) {
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().build());
    }
    for (int minute = 24 * 60; minute < 25 * 60; minute += 5) {
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().soc(40).build());
    }

    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class))
        .extracting(AlertFiring::rule).containsExactly("anomaly-power");
  }

  @Test
  void aTelemetryAnomalyAloneNotifiesNobodyByDefault() {
    for (int minute = 0; minute < 24 * 60; minute += 5) {
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().build());
    }
    for (int minute = 24 * 60; minute < 25 * 60; minute += 5) {
      pipe("S7", T0.plusSeconds(minute * 60L), aReading().soc(40).build());
    }

    assertThat(payloads("towerco.alerts.towerco.notifications", AlertFiring.class)).isEmpty();
    assertThat(payloads("towerco.incidents.towerco.commands", OpenIncident.class)).isEmpty();
  }

  @Test
  void aTenancyKpiLeavingItsLearnedBehaviourAlertsThatTenantAndTheNocOnly() {
    notifyEveryAlert();
    for (int window = 0; window < 300; window++) {
      double energy = window < 290 ? 1.2 + (window % 2 == 0 ? 0.02 : -0.02) : 4.8;
      pipeKpi("S1", "altel", T0.plusSeconds(window * 300L), Map.of(
          KpiComputed.ENERGY_KWH, energy, KpiComputed.POWER_AVAILABILITY_PCT, 100.0));
    }

    AlertFiring noc = kpiAnomalies("towerco.alerts.towerco.notifications").get(0);
    assertThat(noc.rule()).isEqualTo("anomaly-tenancy-kpi");
    assertThat(noc.siteId()).isEqualTo("S1");
    assertThat(noc.affectedTenants()).containsExactly("altel");
    assertThat(noc.labels()).containsEntry("metric", KpiComputed.ENERGY_KWH)
        .containsKeys("score", "expected_low", "expected_high", "observed");
    assertThat(kpiAnomalies("towerco.alerts.altel.notifications")).hasSize(1);
    assertThat(kpiAnomalies("towerco.alerts.borealis.notifications"))
        .as("a tenancy's KPIs are that tenant's business").isEmpty();
  }

  @Test
  void aSiteKpiAnomalyIsOneAlertThatResolvesOnceTheKpiIsBackAndRepeatsAreIgnored() {
    notifyEveryAlert();
    for (int window = 0; window < 320; window++) {
      double run = window == 290 || window == 291 ? 300 : 10 + (window % 3) * 5;
      pipeKpi("S7", null, T0.plusSeconds(window * 300L), Map.of(
          KpiComputed.GENERATOR_RUN_S, run));
    }
    pipeKpi("S7", null, T0.plusSeconds(291 * 300L), Map.of(KpiComputed.GENERATOR_RUN_S, 300.0));

    List<Envelope> alerts = events("towerco.alerts.towerco.notifications");
    assertThat(alerts).extracting(e -> e.payload() instanceof AlertFiring f
            ? f.rule() + ":" + f.labels().get("metric") + "@" + e.timestamp()
            : e.eventType())
        .containsExactly("anomaly-kpi:" + KpiComputed.GENERATOR_RUN_S + "@"
            + T0.plusSeconds(291 * 300L), "alert.resolved");
    assertThat(alerts.get(1).payloadAs(AlertResolved.class).endsAt())
        .isBetween(T0.plusSeconds(293 * 300L), T0.plusSeconds(300 * 300L));
  }

  /** Event time moves on through telemetry from an unrelated healthy site. */
  private void advanceTo(Instant until) {
    inventory.putIfAbsent("CLOCK", aSite().build());
    for (Instant t = T0; !t.isAfter(until); t = t.plus(Duration.ofSeconds(5))) {
      pipe("CLOCK", t, aReading().build());
    }
  }

  private Envelope pipe(String siteId, Instant at, Payload payload) {
    Envelope event = Envelope.of(EventIds.random(), "towerco", siteId, at, payload, Map.of());
    input(siteId).pipeInput(new TestRecord<>(siteId, codec.encode(event), at));
    return event;
  }

  private void pipeRaw(String siteId, byte[] value) {
    input(siteId).pipeInput(new TestRecord<>(siteId, value, T0));
  }

  private void pipeKpi(String siteId, String tenant, Instant windowStart,
      Map<String, Double> values) {
    Envelope event = kpiEnvelope(siteId, tenant, windowStart, values);
    kpiInput(event.tenantId()).pipeInput(new TestRecord<>(siteId, codec.encode(event),
        event.timestamp()));
  }

  private Envelope kpiEnvelope(String siteId, String tenant, Instant windowStart,
      Map<String, Double> values) {
    Instant end = windowStart.plusSeconds(300);
    KpiComputed kpi = new KpiComputed(tenant == null ? KpiComputed.KpiScope.SITE
        : KpiComputed.KpiScope.TENANCY, siteId, tenant, "north", windowStart, end, 30, values);
    return Envelope.of(EventIds.derived("kpi", siteId, String.valueOf(tenant),
        windowStart.toString()), tenant == null ? "towerco" : tenant, siteId, end, kpi, Map.of());
  }

  private TestInputTopic<String, byte[]> kpiInput(String tenant) {
    return inputs.computeIfAbsent("kpi:" + tenant, id -> driver.createInputTopic(
        "towerco.kpis." + tenant + ".metrics", new StringSerializer(),
        new ByteArraySerializer()));
  }

  private List<AlertFiring> kpiAnomalies(String topic) {
    return payloads(topic, AlertFiring.class).stream()
        .filter(a -> a.rule().contains("kpi")).toList();
  }

  /** The site's group topic, where producers write its events (ADR-029). */
  private TestInputTopic<String, byte[]> input(String siteId) {
    return topic(TopicFamily.SITE_EVENTS.topic(siteId));
  }

  private TestInputTopic<String, byte[]> topic(String name) {
    return inputs.computeIfAbsent(name, id -> driver.createInputTopic(
        name, new StringSerializer(), new ByteArraySerializer()));
  }

  private static SiteAlarm alarm(String id, SiteAlarm.ProbableCause cause, boolean raised) {
    return new SiteAlarm(id, raised ? SiteAlarm.AlarmState.RAISED : SiteAlarm.AlarmState.CLEARED,
        SiteAlarm.PerceivedSeverity.MAJOR, SiteAlarm.X733EventType.EQUIPMENT, cause, "test",
        "equipment/1", null, null);
  }

  private static SiteConnectivity unreachable() {
    return new SiteConnectivity(SiteConnectivity.ConnectivityState.UNREACHABLE, "H1", "lost");
  }

  private TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private List<Envelope> events(String topic) {
    List<Envelope> events = new ArrayList<>();
    for (byte[] value : output(topic).readValuesToList()) {
      try {
        events.add(codec.decode(value));
      } catch (InvalidEventException e) {
        throw new AssertionError(e.detail(), e);
      }
    }
    return events;
  }

  private <P extends Payload> List<P> payloads(String topic, Class<P> type) {
    return events(topic).stream().filter(e -> type.isInstance(e.payload()))
        .map(e -> e.payloadAs(type)).toList();
  }
}
