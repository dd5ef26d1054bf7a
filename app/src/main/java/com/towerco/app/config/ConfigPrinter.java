package com.towerco.app.config;

import com.towerco.platform.config.Setting;
import com.towerco.platform.config.SettingsCatalog;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code towerco config print}: the effective configuration as {@code towerco.yaml} would say
 * it, each value with where it comes from; secrets masked.
 */
public final class ConfigPrinter {
  static final String MASK = "'******'";

  private ConfigPrinter() {}

  public static String print(TowercoConfig config, Map<String, String> environment) {
    SettingsCatalog catalog = TowercoConfig.catalog();
    StringBuilder out = new StringBuilder();
    out.append("# effective configuration; precedence: ").append(TowercoConfig.PRECEDENCE)
        .append('\n');
    out.append("# file: ").append(config.file().path() == null ? "none (--config FILE or $"
        + TowercoConfig.FILE_ENV + ")" : config.file().path()).append('\n');
    Map<String, String> options = new TreeMap<>(config.file().options());
    String prefix = ConfigOptions.envName("");
    environment.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> options.put(
        k.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        environment.get(k)));
    out.append(ConfigFile.OPTIONS).append(":")
        .append(options.isEmpty() ? " {}   # every option at its command's default\n" : "\n");
    options.forEach((name, value) -> line(out, name, quote(value),
        environment.containsKey(ConfigOptions.envName(name))
            ? "environment " + ConfigOptions.envName(name) : "file"));
    Map<String, String> env = config.fromEnvironment(catalog);
    String section = null;
    for (Setting<?> s : catalog.all()) {
      if (!s.section().equals(section)) {
        section = s.section();
        out.append(section).append(":\n");
      }
      String text = env.containsKey(s.key()) ? env.get(s.key())
          : config.file().settings().get(s.key());
      String shown = text == null ? (s.defaultText() == null ? "~" : quote(s.defaultText()))
          : s.secret() ? MASK : quote(text);
      line(out, s.key().substring(section.length() + 1), shown,
          text == null ? "default" : config.sourceOf(s));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String key, String value, String source) {
    String entry = "  " + key + ": " + value;
    out.append(entry).append(" ".repeat(Math.max(1, 48 - entry.length()))).append("# ")
        .append(source).append('\n');
  }

  private static String quote(String text) {
    return text.isEmpty() || !text.matches("[A-Za-z0-9_./:,@+=-]+")
        ? "'" + text.replace("'", "''") + "'" : text;
  }
}
