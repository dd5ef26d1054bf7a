package com.towerco.benchmarks.system;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.app.sites.DeviceMessage;
import com.towerco.app.sites.MqttPublisher;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.Json;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.ingest.IngestGatewayService;
import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.ingest.domain.SiteSheet;
import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.ingest.onboarding.Onboarding;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code towerco bench ingest}: the gateway's rates against raw baselines measured in the same
 * run on this machine: plain Kafka produce of the same events (the ceiling of any path into
 * Kafka), plain MQTT publish to subscribe through the same broker (the ceiling of the MQTT leg),
 * MQTT to Kafka through the gateway (publish until every event is readable on Kafka) and HTTP to
 * Kafka (batches posted until every answer is in; answers come after Kafka has the items). Each
 * phase writes to sites of its own, registered first.
 */
public final class IngestBenchmark {
  static final int MQTT_IN_FLIGHT = 1_000;
  static final int HTTP_BATCH = 500;
  static final int ROUNDS = 2;

  /** Rates in events per second. */
  public record Result(double rawKafka, double rawMqtt, double mqttGateway, double httpGateway,
      int messageBytes) {}

  private IngestBenchmark() {}

  public static Result run(int events, int sites, String mqttUrl, PrintStream out)
      throws Exception {
    Path dir = Files.createTempDirectory("towerco-bench-ingest-");
    String key = GatewayKeys.newKey();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
      Map<String, String> settings = new HashMap<>(Map.of(
          "ingest.http-keys", GatewayKeys.entry("bench", key, List.of("*")),
          "ingest.http-items-per-second", "10000000", "ingest.mqtt-client-id",
          "bench-gateway-" + EventIds.random()));
      if (mqttUrl != null) {
        settings.put("ingest.mqtt-url", mqttUrl);
      }
      try (PlatformProcess platform = PlatformProcess.start(new PlatformProcess.Spec(
          broker.bootstrapServers(), false, 0, dir.resolve("platform"),
          Services.select(List.of("ingest")), new ServiceSettings(settings), 0,
          c -> c.withTopicLayout(2, 2, (short) 1), Authenticator.openAccess()))) {
        ServiceContext context = platform.context();
        IngestGatewayService gateway = platform.services().stream()
            .filter(IngestGatewayService.class::isInstance)
            .map(IngestGatewayService.class::cast).findFirst().orElseThrow();
        String tenant = context.config().operatorTenant();
        Onboarding onboarding = new Onboarding(context.outputs("bench", "").publisher(),
            context.topics(), tenant, Clock.systemUTC());
        List<List<String>> siteSets = new ArrayList<>();
        for (String prefix : List.of("BKA", "BKB", "BMA", "BMB", "BNA", "BNB", "BHA", "BHB")) {
          siteSets.add(register(onboarding, prefix, sites));
        }
        Thread.sleep(2_000); // the gateway's inventory view catches up

        int bytes = DeviceMessage.bytes(DeviceMessage.of(readings(siteSets.get(0), 1, tenant)
            .get(0), false)).length;
        out.printf("ingest benchmark: %,d telemetry events (device message %d bytes) over %d "
            + "sites per round, best of %d rounds per phase, MQTT broker %s%n", events, bytes,
            sites, ROUNDS, gateway.mqttUrl());
        double rawKafka = 0;
        double rawMqtt = 0;
        double mqtt = 0;
        double http = 0;
        for (int round = 0; round < ROUNDS; round++) {
          rawKafka = Math.max(rawKafka, rawKafka(context, readings(siteSets.get(round), events,
              tenant)));
          rawMqtt = Math.max(rawMqtt, rawMqtt(gateway.mqttUrl(), readings(
              siteSets.get(2 + round), events, tenant)));
          mqtt = Math.max(mqtt, mqttGateway(context, gateway.mqttUrl(), readings(
              siteSets.get(4 + round), events, tenant)));
          http = Math.max(http, httpGateway(context, platform.httpPort(), key, readings(
              siteSets.get(6 + round), events, tenant)));
          out.printf("  round %d done%n", round + 1);
        }
        out.printf("  raw Kafka produce:            %,10.0f events/s%n", rawKafka);
        out.printf("  raw MQTT publish->subscribe:  %,10.0f events/s%n", rawMqtt);
        out.printf("  MQTT -> gateway -> Kafka:     %,10.0f events/s%n", mqtt);
        out.printf("  HTTP -> gateway -> Kafka:     %,10.0f events/s%n", http);
        return new Result(rawKafka, rawMqtt, mqtt, http, bytes);
      }
    }
  }

  private static List<String> register(Onboarding onboarding, String prefix, int sites) {
    List<SiteSheet.Row> rows = new ArrayList<>();
    for (int i = 0; i < sites; i++) {
      String id = String.format("%s%04d", prefix, i);
      rows.add(new SiteSheet.Row(i, id, new SiteRegistered("Bench " + id, "bench", null, false,
          0, 0, new SiteRegistered.PowerPlant(true, false, false, 200, 0, 0),
          List.of(new SiteRegistered.Tenancy("altel", 99.9, 46, 56, 4)))));
    }
    return onboarding.register(rows, "bench");
  }

  /** {@code events} readings spread over the sites, one a second per site, up to now. */
  private static List<Envelope> readings(List<String> sites, int events, String tenant) {
    Instant end = Instant.now().minusSeconds(1);
    int perSite = (events + sites.size() - 1) / sites.size();
    List<Envelope> out = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      String site = sites.get(i % sites.size());
      Instant at = end.minusSeconds(perSite - i / sites.size());
      out.add(Envelope.of(EventIds.random(), tenant, site, at, reading(i), Map.of()));
    }
    return out;
  }

  private static SiteTelemetry reading(int i) {
    return new SiteTelemetry(new SiteTelemetry.Mains(true, 228 + i % 5), null,
        new SiteTelemetry.Rectifier(54.1, 38 + i % 3, 4, 4),
        new SiteTelemetry.Battery(53.9, 100, 26, 0.5), null, null,
        new SiteTelemetry.Environment(31, 24), new SiteTelemetry.Hvac(
            SiteTelemetry.HvacState.ON), new SiteTelemetry.Door(false),
        List.of(new SiteTelemetry.TenantSupply("altel", 53.5, 1.8)));
  }

  private static double rawKafka(ServiceContext context, List<Envelope> events)
      throws Exception {
    EventCodec codec = context.codec();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("bench-raw")) {
      long start = System.nanoTime();
      List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
      for (Envelope e : events) {
        acks.add(producer.send(new ProducerRecord<>(TopicFamily.SITE_EVENTS.topic(e.siteId()),
            e.siteId(), codec.encode(e))));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      return rate(events.size(), start);
    }
  }

  private static double rawMqtt(String url, List<Envelope> events) throws Exception {
    String root = "bench-raw-" + EventIds.random().substring(0, 8);
    CountDownLatch received = new CountDownLatch(events.size());
    MqttAsyncClient subscriber = client(url, "bench-sub");
    subscriber.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        received.countDown();
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    subscriber.subscribe(root + "/+/+", 1).waitForCompletion(10_000);
    MqttAsyncClient publisher = client(url, "bench-pub");
    long start = System.nanoTime();
    publish(publisher, new MqttTopicLayout(root), events);
    if (!received.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the raw subscriber got " + (events.size()
          - received.getCount()) + " of " + events.size());
    }
    double rate = rate(events.size(), start);
    close(publisher);
    close(subscriber);
    return rate;
  }

  private static double mqttGateway(ServiceContext context, String url, List<Envelope> events)
      throws Exception {
    try (KafkaConsumer<String, byte[]> arrivals = arrivals(context, events)) {
      MqttAsyncClient publisher = client(url, "bench-sites");
      long start = System.nanoTime();
      publish(publisher, MqttTopicLayout.standard(), events);
      awaitArrivals(arrivals, events.size());
      double rate = rate(events.size(), start);
      close(publisher);
      return rate;
    }
  }

  private static double httpGateway(ServiceContext context, int port, String key,
      List<Envelope> events) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI endpoint = URI.create("http://localhost:" + port + "/api/v1/ingest/events");
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from < events.size(); from += HTTP_BATCH) {
      ArrayNode batch = Json.mapper().createArrayNode();
      events.subList(from, Math.min(events.size(), from + HTTP_BATCH))
          .forEach(e -> batch.add(DeviceMessage.of(e, true)));
      bodies.add(batch.toString());
    }
    long start = System.nanoTime();
    for (String body : bodies) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 || !r.body().contains("\"rejected\":0")) {
        throw new IllegalStateException("the gateway answered " + r.statusCode() + ": "
            + r.body().substring(0, Math.min(500, r.body().length())));
      }
    }
    return rate(events.size(), start);
  }

  private static void publish(MqttAsyncClient client, MqttTopicLayout layout,
      List<Envelope> events) throws Exception {
    MqttPublisher publisher = new MqttPublisher(client);
    for (Envelope e : events) {
      publisher.publish(layout.topic(e.siteId(), e.eventType()),
          DeviceMessage.bytes(DeviceMessage.of(e, false)));
    }
    publisher.flush();
  }

  private static KafkaConsumer<String, byte[]> arrivals(ServiceContext context,
      List<Envelope> events) {
    KafkaConsumer<String, byte[]> consumer = context.clients().reader("bench-arrivals-"
        + EventIds.random());
    List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
    events.stream().map(Envelope::siteId).map(TopicFamily.SITE_EVENTS::topic).distinct()
        .forEach(topic -> consumer.partitionsFor(topic).forEach(p -> partitions.add(
            new org.apache.kafka.common.TopicPartition(topic, p.partition()))));
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private static void awaitArrivals(KafkaConsumer<String, byte[]> consumer, int expected) {
    long seen = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (seen < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + seen + " of " + expected
            + " events reached Kafka");
      }
      seen += consumer.poll(Duration.ofMillis(50)).count();
    }
  }

  private static MqttAsyncClient client(String url, String name) throws Exception {
    MqttAsyncClient client = new MqttAsyncClient(url, name + "-" + EventIds.random()
        .substring(0, 8), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(MQTT_IN_FLIGHT);
    client.connect(options).waitForCompletion(10_000);
    return client;
  }

  private static void close(MqttAsyncClient client) throws Exception {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }

  private static double rate(int events, long startNanos) {
    return events / ((System.nanoTime() - startNanos) / 1e9);
  }
}
