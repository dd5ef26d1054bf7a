package com.towerco.app;

import com.towerco.app.cli.BrokerCommand;
import com.towerco.app.cli.CatalogCommand;
import com.towerco.app.cli.ClusterCommand;
import com.towerco.app.cli.ConfigCommand;
import com.towerco.app.cli.DemoCommand;
import com.towerco.app.cli.DetectCommand;
import com.towerco.app.cli.DlqCommand;
import com.towerco.app.cli.InventoryCommand;
import com.towerco.app.cli.HashPasswordCommand;
import com.towerco.app.cli.KafkaAccessCommand;
import com.towerco.app.cli.ReplayCommand;
import com.towerco.app.cli.RunCommand;
import com.towerco.app.cli.SchemasCommand;
import com.towerco.app.cli.SimulateCommand;
import com.towerco.app.cli.TopicsCommand;
import com.towerco.app.config.ConfigOptions;
import com.towerco.app.config.TowercoConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code towerco} command line. {@code towerco bench} is in the {@code benchmarks} module
 * ({@code com.towerco.benchmarks.BenchCommand}); {@code bin/towerco} dispatches to it.
 */
@Command(name = "towerco", mixinStandardHelpOptions = true, version = "towerco 0.1.0",
    description = "Towerco AIOps: event-first monitoring, KPIs, anomaly detection, root cause "
        + "and incidents for tower companies, on Apache Kafka.",
    subcommands = {DemoCommand.class, RunCommand.class, BrokerCommand.class,
        ClusterCommand.class, SimulateCommand.class,
        DetectCommand.class, ReplayCommand.class, CatalogCommand.class,
        SchemasCommand.class, HashPasswordCommand.class, KafkaAccessCommand.class,
        DlqCommand.class, InventoryCommand.class, ConfigCommand.class, TopicsCommand.class,
        CommandLine.HelpCommand.class})
public final class Towerco implements Runnable {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The configuration file (towerco.yaml); or name it in $"
          + TowercoConfig.FILE_ENV + ". Command-line options win over it.")
  Path config;

  public static void main(String[] args) {
    CommandLine commandLine;
    try {
      commandLine = commandLine(args);
    } catch (IllegalArgumentException e) {
      System.err.println("towerco: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.exit(commandLine.execute(args));
  }

  /** The command line as {@code main} runs it, with the configuration file of {@code args}. */
  public static CommandLine commandLine(String[] args) {
    Map<String, String> env = System.getenv();
    TowercoConfig.activate(TowercoConfig.load(TowercoConfig.path(args, env), env));
    return commandLine();
  }

  /**
   * The command line, refusals explained in one line, option defaults from the active
   * configuration ({@link ConfigOptions}).
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = bareCommandLine();
    commandLine.setDefaultValueProvider(new ConfigOptions());
    return commandLine;
  }

  /** The command line without the configuration file's defaults. */
  public static CommandLine bareCommandLine() {
    return new CommandLine(new Towerco()).setExecutionExceptionHandler(Towerco::explain);
  }

  /**
   * A refusal the user can act on (a data directory in use, a bad setting, an unreadable file)
   * is one line on stderr and exit code 1; anything else keeps its stack trace.
   */
  private static int explain(Exception e, CommandLine command, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof IllegalStateException || e instanceof IllegalArgumentException
        || e instanceof java.io.UncheckedIOException) {
      command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
      return 1;
    }
    throw e;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
