package com.towerco.app.config;

import com.towerco.platform.config.Durations;
import com.towerco.platform.config.Setting;
import com.towerco.platform.config.SettingsCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration reference, generated from the services' setting declarations and the
 * commands' options: the build writes it at {@code process-classes}
 * ({@code target/classes/configuration.md}), and {@code ConfigReferenceTest} keeps
 * {@code docs/configuration.md} equal to it, so it cannot drift.
 */
public final class ConfigReference {
  private ConfigReference() {}

  /** Writes the reference to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, markdown(com.towerco.app.Towerco.bareCommandLine(),
        TowercoConfig.catalog()), StandardCharsets.UTF_8);
  }

  public static String markdown(CommandLine root, SettingsCatalog catalog) {
    StringBuilder md = new StringBuilder();
    md.append("# Configuration reference\n\n")
        .append("Generated from the settings each service declares and the options of "
            + "`bin/towerco`'s commands (`app/.../config/ConfigReference`, at build time); do "
            + "not edit: `mvn -pl app test -Dtest=ConfigReferenceTest -Dconfig.write=true` "
            + "rewrites it.\n\n")
        .append("## Where a value comes from\n\n")
        .append("One file, `towerco.yaml`, named by `--config FILE` or `$")
        .append(TowercoConfig.FILE_ENV).append("`; each later source wins:\n\n")
        .append("1. the defaults below;\n")
        .append("2. `towerco.yaml`: the `options` section (any option below, by its name "
            + "without `--`) and one section per service (`kpi:`, `analytics:`, ...; nested "
            + "keys or dotted keys, `dashboard: {stream: {max-per-user: 5}}`);\n")
        .append("3. `--settings-file FILE` (`key=value` lines, service settings only);\n")
        .append("4. the environment: `").append(TowercoConfig.ENV_PREFIX)
        .append("<KEY>` for a setting (`TOWERCO_CFG_KPI_WINDOW`), `")
        .append(ConfigOptions.envName("<NAME>").replace("<NAME>", ""))
        .append("<NAME>` for an option (`").append(ConfigOptions.envName("http-port"))
        .append("`);\n")
        .append("5. the command line: `--set key=value` and the options themselves.\n\n")
        .append("Secrets (type *secret*) never come from the command line and are never written "
            + "in the file: there, `{env: VARIABLE}` or `{file: PATH}` (relative to the file); "
            + "any value may be given that way. Durations: ").append(Durations.GRAMMAR)
        .append(". Unknown keys, options and `").append(TowercoConfig.ENV_PREFIX)
        .append("` variables are errors that name the nearest known one; `bin/towerco config "
            + "check FILE` checks a file, `bin/towerco config print` shows what is in effect "
            + "(secrets masked).\n\n")
        .append("```yaml\n")
        .append("options:\n  bootstrap-servers: kafka-1:9092,kafka-2:9092\n  http-port: 8080\n"
            + "  data-dir: /var/lib/towerco\n")
        .append("kpi:\n  window: 5m\n")
        .append("analytics:\n  jdbc-url: jdbc:postgresql://db:5432/towerco\n"
            + "  jdbc-user: towerco\n  jdbc-password: {file: /etc/towerco/db.password}\n")
        .append("dashboard:\n  stream: {max-per-user: 3}\n")
        .append("```\n\n");
    md.append("## Service settings\n\n");
    String section = null;
    for (Setting<?> s : catalog.all()) {
      if (!s.section().equals(section)) {
        section = s.section();
        md.append("### `").append(section).append("`\n\n")
            .append("| key | type | default | environment | meaning |\n|---|---|---|---|---|\n");
      }
      md.append("| `").append(s.key()).append("` | ").append(s.type()).append(" | ")
          .append(s.defaultText() == null ? "not set" : "`" + s.defaultText() + "`")
          .append(" | `").append(TowercoConfig.envName(s.key())).append("` | ")
          .append(cell(s.description())).append(" |\n");
      if (catalog.all().indexOf(s) == catalog.all().size() - 1
          || !catalog.all().get(catalog.all().indexOf(s) + 1).section().equals(section)) {
        md.append('\n');
      }
    }
    md.append("## Options (`options:` section)\n\n")
        .append("| option | commands | default | meaning |\n|---|---|---|---|\n");
    for (Map.Entry<String, List<ConfigOptions.Use>> e : ConfigOptions.of(root).entrySet()) {
      OptionSpec first = e.getValue().get(0).spec();
      String commands = e.getValue().stream()
          .map(u -> u.command().isEmpty() ? "towerco" : String.join(" ", u.command()))
          .distinct().collect(Collectors.joining(", "));
      String defaults = e.getValue().stream().map(u -> u.spec().defaultValue())
          .filter(d -> d != null && !d.isEmpty()).distinct()
          .map(d -> "`" + d + "`").collect(Collectors.joining(" / "));
      md.append("| `").append(e.getKey()).append("` | ").append(commands).append(" | ")
          .append(defaults.isEmpty() ? "" : defaults).append(" | ")
          .append(cell(description(first))).append(" |\n");
    }
    return md.toString();
  }

  private static String description(OptionSpec option) {
    String text = String.join(" ", option.description());
    return text.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()))
        .replaceAll("\\s*\\(default: [^)]*\\)", "")
        .replace("${COMPLETION-CANDIDATES}", option.completionCandidates() == null ? ""
            : String.join(", ", (Iterable<String>) option.completionCandidates()));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
