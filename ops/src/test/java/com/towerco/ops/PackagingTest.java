package com.towerco.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.towerco.app.Services;
import com.towerco.app.Towerco;
import com.towerco.app.config.TowercoConfig;
import com.towerco.platform.PlatformConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * Docker cannot build or run here, so the image and the compose file are checked against what
 * they stand on: every command, flag and service name they use is accepted by {@code bin/towerco}'s
 * own picocli model; addresses point at the compose services that listen there; ports, volumes,
 * environment variables and the Kafka version agree with the distribution and the build.
 */
class PackagingTest {
  private static final String IMAGE = "towerco:latest";

  private final Map<String, Map<String, Object>> services = composeServices();
  private final Dockerfile dockerfile = read();

  @Test
  void everyTowercoProcessRunsACommandBinTowercoAccepts() {
    assertThat(towercoServices()).containsKeys("kpi", "aiops", "notification", "web",
        "simulator");
    Set<String> run = new TreeSet<>();
    towercoServices().forEach((name, command) -> {
      CommandLine.ParseResult parsed = new CommandLine(new Towerco())
          .parseArgs(command.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(name).isTrue();
      CommandLine.ParseResult sub = parsed.subcommand();
      if (sub.commandSpec().name().equals("run")) {
        List<String> names = sub.matchedOptionValue("--services", List.of());
        assertThat(Services.names()).as(name + " --services").containsAll(names);
        run.addAll(names);
      }
    });
    assertThat(run).as("every service runs in some process")
        .containsExactlyInAnyOrderElementsOf(Services.names());
  }

  @Test
  void theProcessesFindKafkaAndPostgresWhereComposeRunsThem() {
    Map<String, String> kafka = environment("kafka");
    towercoServices().forEach((name, command) -> {
      String bootstrap = option(command, "--bootstrap-servers");
      assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).as(name)
          .contains("PLAINTEXT://" + bootstrap);
    });
    List<String> web = towercoServices().get("web");
    Map<String, String> settings = settings(web);
    Map<String, String> postgres = environment("postgres");
    assertThat(settings.get("analytics.jdbc-url")).isEqualTo(
        "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
    assertThat(settings.get("analytics.jdbc-user")).isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(settings).as("no secret on the command line")
        .doesNotContainKey("analytics.jdbc-password");
    assertThat(environment("web").get(TowercoConfig.envName("analytics.jdbc-password")))
        .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    assertThat(depends("web")).contains("kafka", "postgres");
  }

  @Test
  void portsAgreeBetweenImageProcessesHealthChecksAndPrometheus() throws Exception {
    String exposed = dockerfile.last("EXPOSE");
    Set<String> targets = new TreeSet<>();
    towercoServices().forEach((name, command) -> {
      if (command.get(0).equals("run")) {
        assertThat(option(command, "--http-port")).as(name).isEqualTo(exposed);
        assertThat(String.valueOf(services.get(name).get("healthcheck")))
            .as(name + " health check").contains("/dev/tcp/localhost/" + exposed)
            .contains("GET /health/ready");
        targets.add(name + ":" + exposed);
      }
    });
    assertThat(String.valueOf(services.get("web").get("ports"))).contains(":" + exposed);
    JsonNode prometheus = new ObjectMapper(new YAMLFactory()).readTree(
        OpsFiles.PROMETHEUS.resolve("prometheus.yml").toFile());
    Set<String> scraped = new TreeSet<>();
    prometheus.path("scrape_configs").get(0).path("static_configs").get(0).path("targets")
        .forEach(t -> scraped.add(t.asText()));
    assertThat(scraped).isEqualTo(targets);
    assertThat(prometheus.path("scrape_configs").get(0).path("job_name").asText())
        .as("the job the alert rules' up{job=...} expects").isEqualTo("towerco");
  }

  @Test
  void theImageRunsBinTowercoAsAnUnprivilegedUser() throws Exception {
    String entrypoint = dockerfile.last("ENTRYPOINT");
    assertThat(entrypoint).isEqualTo("[\"/opt/towerco/bin/towerco\"]");
    Path root = Path.of("/opt/towerco");
    String launcher = Files.readString(OpsFiles.PROJECT.resolve("bin/towerco"));
    Matcher jar = Pattern.compile("JAR=\"\\$ROOT/([^\"]+)\"").matcher(launcher);
    assertThat(jar.find()).as("bin/towerco names its jar").isTrue();
    List<String> copies = dockerfile.all("COPY");
    assertThat(copies).contains("--from=build /src/bin/towerco " + root.resolve("bin/towerco"),
        "--from=build /src/" + jar.group(1) + " " + root.resolve(jar.group(1)),
        "--from=build /src/app/target/lib/ " + root.resolve("app/target/lib") + "/");
    String user = dockerfile.last("USER");
    assertThat(user).isNotBlank().isNotIn("root", "0");
    assertThat(dockerfile.last("RUN")).contains("useradd").contains(user);
    String cmd = dockerfile.last("CMD");
    new CommandLine(new Towerco()).parseArgs(new ObjectMapper().readValue(cmd, String[].class));
    String dataDir = dockerfile.last("VOLUME").replaceAll("[\\[\\]\"]", "");
    towercoServices().forEach((name, command) -> {
      if (command.get(0).equals("run")) {
        assertThat(option(command, "--data-dir")).as(name).isEqualTo(dataDir);
        assertThat(String.valueOf(services.get(name).get("volumes"))).as(name)
            .contains(":" + dataDir);
      }
    });
  }

  @Test
  void environmentVariablesAreOnesTheDistributionReads() throws Exception {
    String logback = Files.readString(OpsFiles.PROJECT.resolve(
        "app/src/main/resources/logback.xml"));
    String launcher = Files.readString(OpsFiles.PROJECT.resolve("bin/towerco"));
    List<String> names = new ArrayList<>();
    towercoServices().keySet().forEach(s -> names.addAll(environment(s).keySet()));
    for (String env : dockerfile.all("ENV")) {
      Matcher m = Pattern.compile("(?:^|\\s)([A-Z_][A-Z0-9_]*)=").matcher(env);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    assertThat(names).contains("TOWERCO_LOG_FORMAT", "TOWERCO_JAVA_OPTS");
    for (String name : names) {
      boolean setting = TowercoConfig.catalog().all().stream()
          .anyMatch(s -> TowercoConfig.envName(s.key()).equals(name));
      assertThat(name.startsWith(PlatformConfig.ENV_PREFIX) || setting
          || logback.contains("${" + name) || launcher.contains("${" + name))
          .as(name + " is read by bin/towerco, logback.xml, PlatformConfig or a setting")
          .isTrue();
    }
  }

  @Test
  void theKafkaImageIsTheVersionThePlatformIsBuiltAndTestedWith() throws Exception {
    String pom = Files.readString(OpsFiles.PROJECT.resolve("pom.xml"));
    Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + version.group(1));
    assertThat(environment("kafka").get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
  }

  @Test
  void theMonitoringContainersMountTheFilesTheBuildChecks() throws Exception {
    Path composeDir = OpsFiles.COMPOSE.getParent();
    for (String service : List.of("prometheus", "grafana")) {
      for (Object volume : (List<?>) services.get(service).get("volumes")) {
        Path source = composeDir.resolve(volume.toString().split(":")[0]).normalize();
        assertThat(source).as(service).isDirectory();
      }
    }
    assertThat(String.valueOf(services.get("prometheus").get("volumes")))
        .contains("../prometheus:/etc/prometheus");
    JsonNode provider = new ObjectMapper(new YAMLFactory()).readTree(OpsFiles.GRAFANA
        .resolve("provisioning/dashboards/towerco.yml").toFile()).path("providers").get(0);
    assertThat(String.valueOf(services.get("grafana").get("volumes")))
        .contains("../grafana/dashboards:" + provider.path("options").path("path").asText());
  }

  private Map<String, List<String>> towercoServices() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    services.forEach((name, service) -> {
      if (IMAGE.equals(service.get("image"))) {
        List<String> command = new ArrayList<>();
        ((List<?>) service.get("command")).forEach(c -> command.add(c.toString()));
        commands.put(name, command);
      }
    });
    return commands;
  }

  private Map<String, String> environment(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object declared = services.get(service).get("environment");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((k, v) -> env.put(k.toString(), String.valueOf(v)));
    }
    return env;
  }

  private Set<String> depends(String service) {
    Object declared = services.get(service).get("depends_on");
    return declared instanceof Map<?, ?> map ? new TreeSet<>(map.keySet().stream()
        .map(Object::toString).toList()) : Set.of();
  }

  private static String option(List<String> command, String name) {
    int at = command.indexOf(name);
    assertThat(at).as(name + " in " + command).isNotNegative();
    return command.get(at + 1);
  }

  private static Map<String, String> settings(List<String> command) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < command.size() - 1; i++) {
      if (command.get(i).equals("--set")) {
        String[] kv = command.get(i + 1).split("=", 2);
        settings.put(kv[0], kv[1]);
      }
    }
    return settings;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> composeServices() {
    try (Reader reader = Files.newBufferedReader(OpsFiles.COMPOSE)) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Dockerfile read() {
    try {
      return Dockerfile.read(OpsFiles.DOCKERFILE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
