package com.towerco.benchmarks.system;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Where the alert path's clients and the broker wait, from their own meters over JMX after a
 * latency phase: the engine's and the probe's consumers (fetch latency: a fetch answered at
 * {@code fetch.min.bytes} or after {@code fetch.max.wait.ms}), the engine's producer (time a
 * record waits in its batch, request latency) and the broker's request times for produce and
 * consumer fetch requests (queue, local work, purgatory, response). Client meters cover their
 * last ~minute, the broker's histograms mostly the last few minutes.
 */
final class ClientWaits {
  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
  private static final List<String> CONSUMER = List.of("fetch-latency-avg", "fetch-latency-max",
      "fetch-size-avg", "records-per-request-avg");
  private static final List<String> PRODUCER = List.of("record-queue-time-avg",
      "record-queue-time-max", "request-latency-avg", "request-latency-max",
      "records-per-request-avg");
  private static final List<String> BROKER_TIMES = List.of("RequestQueueTimeMs", "LocalTimeMs",
      "RemoteTimeMs", "ResponseQueueTimeMs", "TotalTimeMs");

  private ClientWaits() {}

  static void print(PrintStream out) {
    try {
      clients(out, "kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*", CONSUMER);
      clients(out, "kafka.producer:type=producer-metrics,client-id=*", PRODUCER);
      for (String request : List.of("Produce", "FetchConsumer")) {
        StringBuilder line = new StringBuilder();
        for (String time : BROKER_TIMES) {
          ObjectName name = new ObjectName("kafka.network:type=RequestMetrics,name=" + time
              + ",request=" + request);
          if (JMX.isRegistered(name)) {
            line.append(String.format(" %s %.1f / %.1f;", time,
                number(name, "Mean"), number(name, "99thPercentile")));
          }
        }
        if (!line.isEmpty()) {
          out.printf("    broker %s (mean / p99 ms):%s%n", request, line);
        }
      }
      ObjectName idle = new ObjectName(
          "kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent");
      if (JMX.isRegistered(idle)) {
        out.printf("    broker request handlers idle (1 min) %.2f%n",
            number(idle, "OneMinuteRate"));
      }
    } catch (JMException e) {
      out.printf("    (client meters not read: %s)%n", e);
    }
  }

  private static void clients(PrintStream out, String pattern, List<String> attributes)
      throws JMException {
    for (ObjectName name : new TreeSet<>(JMX.queryNames(new ObjectName(pattern), null))) {
      String client = name.getKeyProperty("client-id");
      if (!client.contains("aiops-engine") || client.contains("visits")
          || client.contains("admin")) {
        if (!client.startsWith("bench-latency")) {
          continue;
        }
      }
      StringBuilder line = new StringBuilder();
      for (String attribute : attributes) {
        double v = number(name, attribute);
        if (Double.isFinite(v)) {
          line.append(String.format(" %s %.1f", attribute, v));
        }
      }
      out.printf("    %s:%s%n", client, line);
    }
  }

  private static double number(ObjectName name, String attribute) {
    try {
      Object v = JMX.getAttribute(name, attribute);
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    } catch (JMException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
