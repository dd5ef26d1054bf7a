package com.towerco.benchmarks.system;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the in-process broker appended per topic between two snapshots: partition appends
 * (each partition's batch in a produce request is one, Kafka's {@code
 * TotalProduceRequestsPerSec}) and records ({@code MessagesInPerSec}), read from the broker's
 * own meters over JMX. A broker's cost at a steady rate follows the appends, not the records:
 * at a paced rate a producer's batch per partition holds a record or a few, and the broker's
 * request handlers spent two thirds of their time appending (JFR, ADR-052).
 */
final class BrokerAppends {
  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
  private final Map<String, long[]> start;

  private BrokerAppends(Map<String, long[]> start) {
    this.start = start;
  }

  static BrokerAppends snapshot() {
    return new BrokerAppends(read());
  }

  /** Prints appends and records per second by topic family, most appends first. */
  void print(double seconds, PrintStream out) {
    Map<String, long[]> now = read();
    Map<String, long[]> byFamily = new HashMap<>();
    now.forEach((topic, counts) -> {
      long[] before = start.getOrDefault(topic, new long[2]);
      long[] sum = byFamily.computeIfAbsent(family(topic), f -> new long[2]);
      sum[0] += counts[0] - before[0];
      sum[1] += counts[1] - before[1];
    });
    long appends = byFamily.values().stream().mapToLong(c -> c[0]).sum();
    if (appends == 0) {
      out.printf("  broker appends: none read (no broker topic meters over JMX)%n");
      return;
    }
    out.printf("  broker partition appends: %,.0f/s in all; by topic (appends/s, records per "
        + "append):%n", appends / seconds);
    byFamily.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .filter(e -> e.getValue()[0] * 100 >= appends)
        .forEach(e -> out.printf("    %-70s %8.0f/s  %5.1f%n", e.getKey(),
            e.getValue()[0] / seconds, (double) e.getValue()[1] / Math.max(1, e.getValue()[0])));
  }

  /** A topic with its site group, tenant or instance numbers blanked (one line per family). */
  private static String family(String topic) {
    return ThreadCpu.group(topic.replaceAll("^towerco\\.sites\\.[^.]+\\.", "towerco.sites.*."));
  }

  private static Map<String, long[]> read() {
    Map<String, long[]> counts = new HashMap<>();
    try {
      for (ObjectName name : JMX.queryNames(new ObjectName(
          "kafka.server:type=BrokerTopicMetrics,name=TotalProduceRequestsPerSec,topic=*"), null)) {
        String topic = name.getKeyProperty("topic");
        counts.computeIfAbsent(topic, t -> new long[2])[0] = count(name);
        ObjectName records = new ObjectName(
            "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=" + topic);
        if (JMX.isRegistered(records)) {
          counts.get(topic)[1] = count(records);
        }
      }
    } catch (JMException e) {
      return Map.of();
    }
    return counts;
  }

  private static long count(ObjectName name) throws JMException {
    return ((Number) JMX.getAttribute(name, "Count")).longValue();
  }
}
