package com.towerco.app.cli;

import com.towerco.events.TopicFamily;
import com.towerco.events.TopicRetention;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicConfigs;
import com.towerco.platform.kafka.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code towerco topics}: every topic family with the settings its topics get (retention,
 * cleanup policy, minimum in-sync replicas) and why; {@code topics apply} sets them on every
 * existing topic of a cluster (what each process also does for the topics it uses, where its
 * principal may).
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "List the topic families and their retention; 'apply' reconciles a cluster.",
    subcommands = {TopicsCommand.Apply.class, TopicsCommand.Describe.class})
public final class TopicsCommand implements Callable<Integer> {
  @Mixin
  KafkaOptions kafka;

  @Override
  public Integer call() {
    System.out.print(table(kafka.apply(PlatformConfig.local("localhost:9092", null))));
    return 0;
  }

  /** The families as a Markdown table (the README's). */
  static String table(PlatformConfig config) {
    StringBuilder out = new StringBuilder("| family | topics | kept | retention (minimum) | "
        + "topic settings | why |\n|---|---|---|---|---|---|\n");
    for (TopicFamily family : TopicFamily.values()) {
      TopicRetention retention = family.retention();
      String window = retention.kind() == TopicRetention.Kind.WINDOW
          ? days(config.retentionOf(family).orElseThrow()) + " (" + days(
              retention.minimum().orElseThrow()) + ")" : "";
      Map<String, String> settings = TopicConfigs.of(family, config,
          config.replicationFactor());
      out.append("| `").append(family.settingName()).append("` | `").append(family.template())
          .append("` | ").append(retention.kind().name().toLowerCase()).append(" | ")
          .append(window).append(" | ")
          .append(settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ")))
          .append(" | ").append(retention.why()).append(" |\n");
    }
    return out.toString();
  }

  private static String days(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " d" : d.toHours() + " h";
  }

  /** {@code topics describe}: each existing topic's settings as the cluster reports them. */
  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Print each platform topic's replicas, cleanup.policy, retention.ms and "
          + "min.insync.replicas as the cluster reports them.")
  static final class Describe implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
      PlatformConfig config = kafka.connect(Path.of("data"));
      try (Admin admin = new KafkaClients(config).admin()) {
        List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
            .filter(t -> TopicFamily.of(t).isPresent()).sorted().toList();
        Map<String, TopicDescription> described = topics.isEmpty() ? Map.of()
            : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = topics.isEmpty() ? Map.of()
            : admin.describeConfigs(topics.stream().map(t -> new ConfigResource(
                ConfigResource.Type.TOPIC, t)).toList()).all().get(30, TimeUnit.SECONDS);
        for (String topic : topics) {
          Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
          System.out.println(topic + " replicas=" + described.get(topic).partitions().get(0)
              .replicas().size() + " " + List.of(TopicConfigs.CLEANUP_POLICY,
                  TopicConfigs.RETENTION_MS, TopicConfigs.RETENTION_BYTES,
                  TopicConfigs.MIN_INSYNC_REPLICAS).stream()
              .map(k -> k + "=" + c.get(k).value()).collect(Collectors.joining(" ")));
        }
      }
      return 0;
    }
  }

  /** {@code topics apply}: reconciles every existing topic of a cluster. */
  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Set every existing topic's retention, cleanup policy and min.insync.replicas "
          + "to its family's (run as a principal allowed to alter topic configs).")
  static final class Apply implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
      PlatformConfig config = kafka.connect(Path.of("data"));
      try (TopicProvisioner topics = new TopicProvisioner(new KafkaClients(config))) {
        int changed = topics.reconcileAll();
        System.out.println(changed + " topic(s) changed on " + config.bootstrapServers());
      }
      return 0;
    }
  }
}
