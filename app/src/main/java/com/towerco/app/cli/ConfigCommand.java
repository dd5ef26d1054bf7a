package com.towerco.app.cli;

import com.towerco.app.Towerco;
import com.towerco.app.config.ConfigOptions;
import com.towerco.app.config.ConfigPrinter;
import com.towerco.app.config.TowercoConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code towerco config check FILE} and {@code towerco config print}. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "The configuration file (towerco.yaml): check one, or print what is in effect.",
    subcommands = {ConfigCommand.Check.class, ConfigCommand.Print.class})
public final class ConfigCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Every problem of a file (and of the TOWERCO_CFG_ environment), or "ok". */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check a towerco.yaml: unknown keys (with the nearest known one), wrong "
          + "types, values out of range, secrets written in clear; exit code 1 if anything "
          + "is wrong.")
  static final class Check implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to check.")
    Path file;

    @Override
    public Integer call() {
      Map<String, String> env = System.getenv();
      TowercoConfig config = TowercoConfig.load(file, env);
      List<String> problems = problems(config, env);
      if (problems.isEmpty()) {
        System.out.println(file + ": ok (" + config.file().settings().size() + " settings, "
            + config.file().options().size() + " options)");
        return 0;
      }
      problems.forEach(p -> System.err.println(file + ": " + p));
      return 1;
    }
  }

  /** The effective configuration, secrets masked. */
  @Command(name = "print", mixinStandardHelpOptions = true,
      description = "Print the effective configuration (towerco.yaml of --config or "
          + "$TOWERCO_CONFIG, the environment, the defaults), each value with its source; "
          + "secrets masked.")
  static final class Print implements Callable<Integer> {
    @Override
    public Integer call() {
      Map<String, String> env = System.getenv();
      TowercoConfig config = TowercoConfig.active();
      System.out.print(ConfigPrinter.print(config, env));
      List<String> problems = problems(config, env);
      problems.forEach(p -> System.err.println("problem: " + p));
      return problems.isEmpty() ? 0 : 1;
    }
  }

  /** What is wrong with the service settings and the options of {@code config}. */
  public static List<String> problems(TowercoConfig config, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    try {
      config.serviceSettings(Map.of(), Map.of());
    } catch (IllegalArgumentException e) {
      problems.addAll(List.of(e.getMessage().substring("invalid settings: ".length())
          .split("; ")));
    }
    problems.addAll(ConfigOptions.problems(config, env, Towerco::bareCommandLine));
    return problems;
  }
}
