package com.towerco.app.config;

import com.towerco.platform.config.SettingsCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code options} section of {@code towerco.yaml}: any long option of any
 * {@code bin/towerco} command, by its name without {@code --} ({@code http-port},
 * {@code bootstrap-servers}), read from the commands themselves, so an option added to a
 * command (the ingest gateway's, say) can be set in the file without further change. The file
 * and the environment ({@code TOWERCO_CFG_OPTIONS_<NAME>}) give an option's default; a flag on
 * the command line wins.
 */
public final class ConfigOptions implements IDefaultValueProvider {
  /** Options that are not settings: help, the file itself, and the per-run service settings. */
  static final Set<String> EXCLUDED = Set.of("help", "version", "config", "set",
      "settings-file");

  /** One command's option of that name. */
  public record Use(List<String> command, OptionSpec spec) {}

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String name = name(option);
    return EXCLUDED.contains(name) ? null : TowercoConfig.active().option(name);
  }

  /** Every settable option by name, with the commands that have it. */
  public static Map<String, List<Use>> of(CommandLine root) {
    Map<String, List<Use>> byName = new TreeMap<>();
    collect(root, new ArrayList<>(), byName);
    return byName;
  }

  private static void collect(CommandLine command, List<String> path,
      Map<String, List<Use>> byName) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      String name = name(option);
      if (option.longestName().startsWith("--") && !EXCLUDED.contains(name)) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Use(List.copyOf(path),
            option));
      }
    }
    command.getSubcommands().forEach((sub, cl) -> {
      if (!sub.equals("help")) {
        List<String> deeper = new ArrayList<>(path);
        deeper.add(sub);
        collect(cl, deeper, byName);
      }
    });
  }

  static String name(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  /** {@code TOWERCO_CFG_OPTIONS_HTTP_PORT} for {@code http-port}. */
  public static String envName(String option) {
    return TowercoConfig.envName(ConfigFile.OPTIONS + "." + option);
  }

  /**
   * What is wrong with the options the file and the environment set: unknown names (with the
   * nearest known) and values the command would refuse (its own type conversion, on a fresh
   * command line from {@code fresh}).
   */
  public static List<String> problems(TowercoConfig config, Map<String, String> environment,
      Supplier<CommandLine> fresh) {
    Map<String, List<Use>> known = of(fresh.get());
    Map<String, String> values = new TreeMap<>(config.file().options());
    String prefix = envName("");
    environment.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        values.put(k.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'), v);
      }
    });
    List<String> problems = new ArrayList<>();
    values.forEach((name, value) -> {
      List<Use> uses = known.get(name);
      if (uses == null) {
        problems.add("unknown option '" + name + "'" + SettingsCatalog.nearest(name,
            known.keySet()).map(n -> " (did you mean '" + n + "'?)").orElse(""));
        return;
      }
      for (Use use : uses) {
        String refused = refusal(fresh.get(), use, value);
        if (refused != null) {
          problems.add("options." + name + " (" + String.join(" ", use.command()) + "): "
              + refused);
          break;
        }
      }
    });
    return problems;
  }

  /** Why {@code command} refuses {@code value} for the option, or null if it takes it. */
  private static String refusal(CommandLine root, Use use, String value) {
    if (use.spec().arity().max() == 0) {
      return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
          : "'" + value + "' is not true or false";
    }
    List<String> args = new ArrayList<>(use.command());
    args.add(use.spec().longestName() + "=" + value);
    try {
      root.parseArgs(args.toArray(String[]::new));
      return null;
    } catch (CommandLine.ParameterException e) {
      String message = e.getMessage();
      return message.startsWith("Invalid value") || message.contains("is not")
          ? message : null;
    }
  }
}
