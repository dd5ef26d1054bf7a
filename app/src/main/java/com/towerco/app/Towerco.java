package com.towerco.app;

import com.towerco.app.cli.BenchCommand;
import com.towerco.app.cli.BrokerCommand;
import com.towerco.app.cli.CatalogCommand;
import com.towerco.app.cli.DemoCommand;
import com.towerco.app.cli.DetectCommand;
import com.towerco.app.cli.DlqCommand;
import com.towerco.app.cli.InventoryCommand;
import com.towerco.app.cli.HashPasswordCommand;
import com.towerco.app.cli.KafkaAccessCommand;
import com.towerco.app.cli.SimulateCommand;
import com.towerco.app.cli.ReplayCommand;
import com.towerco.app.cli.RunCommand;
import com.towerco.app.cli.SchemasCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code towerco} command line. */
@Command(name = "towerco", mixinStandardHelpOptions = true, version = "towerco 0.1.0",
    description = "Towerco AIOps: event-first monitoring, KPIs, anomaly detection, root cause "
        + "and incidents for tower companies, on Apache Kafka.",
    subcommands = {DemoCommand.class, RunCommand.class, BrokerCommand.class, SimulateCommand.class,
        BenchCommand.class, DetectCommand.class, ReplayCommand.class, CatalogCommand.class,
        SchemasCommand.class, HashPasswordCommand.class, KafkaAccessCommand.class,
        DlqCommand.class, InventoryCommand.class,
        CommandLine.HelpCommand.class})
public final class Towerco implements Runnable {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@code main} runs it, refusals explained in one line. */
  public static CommandLine commandLine() {
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
