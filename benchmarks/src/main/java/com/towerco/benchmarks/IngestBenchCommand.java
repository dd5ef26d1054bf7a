package com.towerco.benchmarks;

import com.towerco.benchmarks.system.IngestBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco bench ingest}: the gateway's rates as ratios of raw baselines, one run. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"MQTT->Kafka and HTTP->Kafka through the ingest gateway, against raw Kafka "
        + "produce and raw MQTT publish->subscribe through the same broker, measured in one "
        + "run (embedded Kafka; the embedded MQTT broker unless --mqtt-url)."})
public final class IngestBenchCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "50000",
      description = "Events per phase (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--sites", defaultValue = "20",
      description = "Sites per phase (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--mqtt-url", description = "An MQTT broker to measure through instead of "
      + "the embedded one, e.g. tcp://127.0.0.1:1883.")
  String mqttUrl;

  @Override
  public Integer call() throws Exception {
    var r = IngestBenchmark.run(events, sites, mqttUrl, System.out);
    System.out.printf("%nratios (same run): MQTT->Kafka / raw MQTT %.2f, MQTT->Kafka / raw "
        + "Kafka %.2f, HTTP->Kafka / raw Kafka %.2f%n", r.mqttGateway() / r.rawMqtt(),
        r.mqttGateway() / r.rawKafka(), r.httpGateway() / r.rawKafka());
    return 0;
  }
}
