package com.towerco.app.config;

import com.towerco.app.Services;
import com.towerco.platform.config.Setting;
import com.towerco.platform.config.SettingsCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The configuration in effect: built-in defaults, then {@code towerco.yaml} ({@code --config
 * FILE} or {@code $TOWERCO_CONFIG}), then the {@code --settings-file} properties, then the
 * environment ({@code TOWERCO_CFG_<KEY>}), then the command line ({@code --set key=value} and
 * the options themselves): each later source wins. Secrets (a {@link Setting#secret()}) come
 * only from the environment or a file, never from the command line nor written in
 * {@code towerco.yaml} (there: {@code {env: VARIABLE}} or {@code {file: PATH}}).
 */
public final class TowercoConfig {
  public static final String FILE_ENV = "TOWERCO_CONFIG";
  public static final String ENV_PREFIX = "TOWERCO_CFG_";
  public static final String PRECEDENCE = "command line (--set, options) > environment ("
      + ENV_PREFIX + "...) > --settings-file > towerco.yaml > defaults";

  private static volatile TowercoConfig active = new TowercoConfig(ConfigFile.NONE, Map.of());

  private final ConfigFile file;
  private final Map<String, String> environment;

  public TowercoConfig(ConfigFile file, Map<String, String> environment) {
    this.file = file;
    this.environment = Map.copyOf(environment);
  }

  /** The configuration of the file at {@code path} (none if null) and this environment. */
  public static TowercoConfig load(Path path, Map<String, String> environment) {
    return new TowercoConfig(path == null ? ConfigFile.NONE
        : ConfigFile.load(path, environment::get), environment);
  }

  /** The configuration this process runs with (set once by {@code Towerco.main}). */
  public static TowercoConfig active() {
    return active;
  }

  public static void activate(TowercoConfig config) {
    active = config;
  }

  /** Where the configuration file is: {@code --config FILE} among the arguments, else the
   * environment's {@value #FILE_ENV}, else none. */
  public static Path path(String[] args, Map<String, String> environment) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      } else if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    String fromEnv = environment.get(FILE_ENV);
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  /** Every service setting of every service, from their declarations. */
  public static SettingsCatalog catalog() {
    return new SettingsCatalog(Services.settings());
  }

  /** {@code TOWERCO_CFG_KPI_WINDOW} for {@code kpi.window}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
  }

  public ConfigFile file() {
    return file;
  }

  /** An option's value from the environment or the file, or null (then its own default). */
  public String option(String name) {
    String fromEnv = environment.get(envName(ConfigFile.OPTIONS + "." + name));
    return fromEnv != null ? fromEnv : file.options().get(name);
  }

  /**
   * The service settings of a process: this file's and environment's, with the
   * {@code --settings-file} ones and the command line's over them; refused with every problem
   * named (unknown keys with the nearest known one, bad values, secrets on the command line).
   */
  public Map<String, String> serviceSettings(Map<String, String> settingsFile,
      Map<String, String> commandLine) {
    SettingsCatalog catalog = catalog();
    List<String> problems = new ArrayList<>(settingProblems(catalog));
    commandLine.keySet().stream().sorted()
        .filter(k -> catalog.find(k).map(Setting::secret).orElse(false))
        .forEach(k -> problems.add(k + " is a secret: not on the command line, where any user "
            + "of this machine can read it; set " + envName(k) + " or give it in towerco.yaml "
            + "as {env: VARIABLE} or {file: PATH}"));
    Map<String, String> merged = new TreeMap<>(file.settings());
    merged.putAll(settingsFile);
    merged.putAll(fromEnvironment(catalog));
    merged.putAll(commandLine);
    problems.addAll(catalog.problems(merged));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid settings: " + String.join("; ",
          problems.stream().distinct().toList()));
    }
    return merged;
  }

  /** What is wrong with the file's and the environment's service settings. */
  List<String> settingProblems(SettingsCatalog catalog) {
    List<String> problems = new ArrayList<>(file.problems());
    file.settings().keySet().stream().sorted()
        .filter(k -> catalog.find(k).map(Setting::secret).orElse(false))
        .filter(k -> !file.references().containsKey(k))
        .forEach(k -> problems.add(k + " is a secret: write it as {env: VARIABLE} or "
            + "{file: PATH}, not in the file itself"));
    Set<String> known = catalog.all().stream().map(s -> envName(s.key()))
        .collect(Collectors.toSet());
    environment.keySet().stream().sorted()
        .filter(v -> v.startsWith(ENV_PREFIX) && !v.startsWith(envName(ConfigFile.OPTIONS) + "_"))
        .filter(v -> !known.contains(v))
        .forEach(v -> problems.add("unknown environment variable " + v
            + SettingsCatalog.nearest(v, known).map(n -> " (did you mean " + n + "?)")
                .orElse("")));
    problems.addAll(catalog.problems(file.settings()));
    return problems;
  }

  /** The settings the environment sets ({@code TOWERCO_CFG_<KEY>}). */
  Map<String, String> fromEnvironment(SettingsCatalog catalog) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting<?> s : catalog.all()) {
      String value = environment.get(envName(s.key()));
      if (value != null) {
        values.put(s.key(), value);
      }
    }
    return values;
  }

  /** Where a setting's value comes from, for {@code config print}. */
  String sourceOf(Setting<?> s) {
    if (environment.containsKey(envName(s.key()))) {
      return "environment " + envName(s.key());
    } else if (file.settings().containsKey(s.key())) {
      String reference = file.references().get(s.key());
      return file.path().getFileName() + (reference == null ? "" : " (" + reference + ")");
    }
    return "default";
  }
}
