package com.towerco.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.app.Towerco;
import com.towerco.app.config.ConfigFile;
import com.towerco.app.config.ConfigPrinter;
import com.towerco.app.config.TowercoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * towerco.yaml: every problem named (unknown keys with the nearest valid one, wrong types,
 * values out of range, secrets in clear or on the command line), the precedence of its sources,
 * option defaults applied to the commands, and the printout with secrets masked.
 */
class ConfigCommandTest {
  @TempDir
  Path dir;

  @AfterEach
  void noFileForOtherTests() {
    TowercoConfig.activate(new TowercoConfig(ConfigFile.NONE, Map.of()));
  }

  private TowercoConfig config(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("towerco.yaml");
    Files.writeString(file, yaml);
    return TowercoConfig.load(file, env);
  }

  @Test
  void aGoodFileChecksOkAndTheExampleInTheDocsIsOne() throws Exception {
    TowercoConfig good = config("""
        options:
          http-port: 8081
          services: [kpi, aiops]
        kpi:
          window: 1h30m
          grace: PT45S
        dashboard:
          stream: {max-per-user: 3}
          stream.max-total: 50
        """, Map.of());
    assertThat(ConfigCommand.problems(good, Map.of())).isEmpty();
    assertThat(good.serviceSettings(Map.of(), Map.of())).containsEntry("kpi.window", "1h30m")
        .containsEntry("dashboard.stream.max-per-user", "3")
        .containsEntry("dashboard.stream.max-total", "50");

    Path example = Path.of("..", "docs", "towerco.example.yaml");
    Map<String, String> env = Map.of("TOWERCO_DB_PASSWORD", "from-the-environment");
    assertThat(ConfigCommand.problems(TowercoConfig.load(example, env), env)).isEmpty();
    assertThat(Towerco.bareCommandLine().execute("config", "check",
        dir.resolve("towerco.yaml").toString())).isZero();
  }

  @Test
  void unknownKeysAndOptionsAreRefusedNamingTheNearestValidOne() throws Exception {
    TowercoConfig typos = config("""
        options:
          htp-port: 8081
        kpi:
          windw: 5m
        dashbord:
          consumers: 2
        """, Map.of("TOWERCO_CFG_KPI_GRCE", "1m"));
    assertThat(ConfigCommand.problems(typos, Map.of("TOWERCO_CFG_KPI_GRCE", "1m")))
        .contains("unknown setting 'kpi.windw' (did you mean 'kpi.window'?)",
            "unknown setting 'dashbord.consumers' (did you mean 'dashboard.consumers'?)",
            "unknown option 'htp-port' (did you mean 'http-port'?)",
            "unknown environment variable TOWERCO_CFG_KPI_GRCE "
                + "(did you mean TOWERCO_CFG_KPI_GRACE?)");
    assertThat(Towerco.bareCommandLine().execute("config", "check",
        dir.resolve("towerco.yaml").toString())).isEqualTo(1);
  }

  @Test
  void wrongTypesAndValuesOutOfRangeAreRefusedNamingTheKey() throws Exception {
    TowercoConfig bad = config("""
        options:
          http-port: eighty
        kpi:
          window: soon
        dashboard:
          stream: {max-per-user: 0}
        aiops:
          detector: crystal-ball
          anomaly: {anomaly-kpi: {extreme: 1.5}}
        simulator:
          faults: mains-outage:nowhere
        """, Map.of());
    List<String> problems = ConfigCommand.problems(bad, Map.of());
    assertThat(problems).anyMatch(p -> p.startsWith("kpi.window: 'soon' is not a duration"))
        .contains("dashboard.stream.max-per-user: 0 is out of range 1..10000",
            "aiops.anomaly.anomaly-kpi.extreme: 1.5 is out of range 0.0..1.0")
        .anyMatch(p -> p.startsWith("aiops.detector: 'crystal-ball' is not one of adaptive"))
        .anyMatch(p -> p.startsWith("simulator.faults: "))
        .anyMatch(p -> p.startsWith("options.http-port (") && p.contains("'eighty'"));
  }

  @Test
  void secretsComeFromTheEnvironmentOrAFileNeverInClearNorOnTheCommandLine() throws Exception {
    Files.writeString(dir.resolve("db.password"), "from-a-file\n");
    TowercoConfig byFile = config("analytics:\n  jdbc-password: {file: db.password}\n",
        Map.of());
    assertThat(byFile.serviceSettings(Map.of(), Map.of()))
        .containsEntry("analytics.jdbc-password", "from-a-file");
    TowercoConfig byEnv = config("analytics:\n  jdbc-password: {env: PGPASS}\n",
        Map.of("PGPASS", "from-env"));
    assertThat(byEnv.serviceSettings(Map.of(), Map.of()))
        .containsEntry("analytics.jdbc-password", "from-env");

    TowercoConfig inClear = config("analytics:\n  jdbc-password: hunter2\n", Map.of());
    assertThatThrownBy(() -> inClear.serviceSettings(Map.of(), Map.of()))
        .hasMessageContaining("analytics.jdbc-password is a secret: write it as "
            + "{env: VARIABLE} or {file: PATH}");
    assertThatThrownBy(() -> byEnv.serviceSettings(Map.of(),
        Map.of("analytics.jdbc-password", "hunter2")))
        .hasMessageContaining("analytics.jdbc-password is a secret: not on the command line")
        .hasMessageContaining("TOWERCO_CFG_ANALYTICS_JDBC_PASSWORD");
    TowercoConfig unset = config("analytics:\n  jdbc-password: {env: NOT_SET_ANYWHERE}\n",
        Map.of());
    assertThatThrownBy(() -> unset.serviceSettings(Map.of(), Map.of()))
        .hasMessageContaining("analytics.jdbc-password: environment variable "
            + "NOT_SET_ANYWHERE is not set");
  }

  @Test
  void laterSourcesWinFileThenSettingsFileThenEnvironmentThenCommandLine() throws Exception {
    TowercoConfig config = config("""
        kpi: {window: 1m, grace: 10s, max-gap: 3m, silence: 2h}
        """, Map.of("TOWERCO_CFG_KPI_GRACE", "20s", "TOWERCO_CFG_KPI_WINDOW", "2m"));
    Map<String, String> effective = config.serviceSettings(
        Map.of("kpi.max-gap", "4m", "kpi.grace", "15s", "kpi.window", "90s"),
        Map.of("kpi.window", "5m"));
    assertThat(effective).containsEntry("kpi.silence", "2h")
        .containsEntry("kpi.max-gap", "4m")
        .containsEntry("kpi.grace", "20s")
        .containsEntry("kpi.window", "5m");
  }

  @Test
  void theFileGivesEveryCommandsOptionsTheirDefaultsAndTheCommandLineWins() throws Exception {
    TowercoConfig.activate(config("""
        options:
          http-port: 9191
          bootstrap-servers: kafka-1:9092
          embedded-broker: true
        """, Map.of("TOWERCO_CFG_OPTIONS_DATA_DIR", "/srv/towerco")));
    RunCommand run = run(Towerco.commandLine(), "run");
    assertThat(run.httpPort).isEqualTo(9191);
    assertThat(run.kafka.bootstrapServers).isEqualTo("kafka-1:9092");
    assertThat(run.embeddedBroker).isTrue();
    assertThat(run.dataDir).isEqualTo(Path.of("/srv/towerco"));
    assertThat(run(Towerco.commandLine(), "run", "--http-port", "7070").httpPort)
        .isEqualTo(7070);
  }

  @Test
  void printShowsEachValueWithItsSourceAndMasksSecrets() throws Exception {
    TowercoConfig config = config("""
        options: {http-port: 8081}
        kpi: {window: 5m}
        analytics: {jdbc-password: {env: PGPASS}}
        """, Map.of("PGPASS", "hunter2", "TOWERCO_CFG_KPI_GRACE", "1m"));
    String printed = ConfigPrinter.print(config, Map.of("PGPASS", "hunter2",
        "TOWERCO_CFG_KPI_GRACE", "1m"));
    assertThat(printed).doesNotContain("hunter2")
        .containsPattern("jdbc-password: '\\*+' +# towerco.yaml \\(env PGPASS\\)")
        .containsPattern("window: 5m +# towerco.yaml")
        .containsPattern("grace: 1m +# environment TOWERCO_CFG_KPI_GRACE")
        .containsPattern("max-gap: 2m +# default")
        .containsPattern("http-port: 8081 +# file");
  }

  private static RunCommand run(CommandLine commandLine, String... args) {
    CommandLine.ParseResult parsed = commandLine.parseArgs(args);
    return (RunCommand) parsed.subcommand().commandSpec().userObject();
  }
}
