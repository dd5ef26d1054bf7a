package com.towerco.app.cli;

import com.towerco.app.Services;
import com.towerco.events.Json;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.Projection;
import com.towerco.platform.runtime.ProjectionRebuilder;
import com.towerco.platform.runtime.ProjectionSource;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.runtime.TopicReplayer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code towerco replay}: replay a range of a topic to a fresh consumer group, or drop and
 * rebuild one read model (projection) from its topics, with a progress bar.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a topic range to a fresh consumer group (--topic), or drop and rebuild "
        + "a projection from its topics (--projection).")
public final class ReplayCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic name or regex.")
    String topic;

    @Option(names = "--projection", paramLabel = "NAME",
        description = "A projection to drop and rebuild ('list' lists them).")
    String projection;
  }

  @Option(names = "--from", defaultValue = "earliest",
      description = "Start: an offset, an RFC 3339 (record) time, earliest or latest "
          + "(default: ${DEFAULT-VALUE}).")
  String from;

  @Option(names = "--to", description = "End (exclusive), same forms; default: the current end.")
  String to;

  @Option(names = "--group", description = "The fresh consumer group to replay to.")
  String group;

  @Option(names = "--seed-only",
      description = "Only position the group at the start of the range (a service started with "
          + "that group then replays it); by default the records are read and printed as JSON "
          + "lines.")
  boolean seedOnly;

  @Option(names = "--data-dir", defaultValue = "data",
      description = "Data directory of the services owning the projection.")
  Path dataDir;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A service setting.")
  Map<String, String> settings = Map.of();

  @Mixin
  KafkaOptions kafka;

  @Override
  public Integer call() throws Exception {
    if (what.projection != null) {
      List<String> names = Services.all().stream()
          .flatMap(f -> f.projectionNames().stream()).toList();
      if (!names.contains(what.projection)) {
        System.out.println("projections: " + String.join(", ", names));
        return what.projection.equals("list") ? 0 : 2;
      }
    }
    PlatformConfig config = kafka.connect(dataDir);
    try (PlatformMetrics metrics = new PlatformMetrics();
        ServiceContext context = new ServiceContext(config, metrics)) {
      return what.topic != null ? replayTopic(context) : rebuild(context);
    }
  }

  private int replayTopic(ServiceContext context) throws Exception {
    if (group == null) {
      throw new IllegalArgumentException("--group is required with --topic");
    }
    TopicReplayer replayer = new TopicReplayer(context.clients());
    TopicReplayer.Plan plan = replayer.plan(TopicReplayer.topics(what.topic),
        TopicReplayer.Position.parse(from),
        Optional.ofNullable(to).map(TopicReplayer.Position::parse), group);
    System.err.printf("replaying %,d records of %d partition(s) to group %s%n", plan.records(),
        plan.ranges().size(), group);
    if (seedOnly) {
      replayer.seed(plan);
      System.err.println("group " + group + " positioned at the start of the range");
      return 0;
    }
    ProgressBar bar = new ProgressBar(System.err, "replay");
    bar.total(plan.records());
    PrintStream out = System.out;
    TopicReplayer.Result result = replayer.replay(plan, record -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("topic", record.topic());
      line.put("partition", record.partition());
      line.put("offset", record.offset());
      line.put("key", record.key());
      line.put("value", record.value() == null ? null
          : new String(record.value(), StandardCharsets.UTF_8));
      out.println(Json.mapper().writeValueAsString(line));
    }, bar::update);
    bar.done();
    System.err.printf("read %,d, delivered %,d%n", result.read(), result.delivered());
    return 0;
  }

  private int rebuild(ServiceContext context) throws Exception {
    List<PlatformService> created = new ArrayList<>();
    try {
      Map<String, Projection> projections = new LinkedHashMap<>();
      for (ServiceFactory factory : Services.all()) {
        PlatformService service = factory.create(context, new ServiceSettings(settings));
        created.add(service);
        if (service instanceof ProjectionSource source) {
          source.projections().forEach(p -> projections.put(p.name(), p));
        }
      }
      Projection projection = projections.get(what.projection);
      if (projection == null) {
        System.out.println("projections: " + String.join(", ", projections.keySet()));
        return what.projection.equals("list") ? 0 : 2;
      }
      ProgressBar bar = new ProgressBar(System.err, "rebuild " + projection.name());
      long applied = new ProjectionRebuilder(context.clients(), context.codec())
          .rebuild(projection, bar::total, bar::update);
      bar.done();
      System.out.printf("rebuilt %s from %,d events%n", projection.name(), applied);
      return 0;
    } finally {
      for (PlatformService service : created) {
        service.close();
      }
    }
  }
}
