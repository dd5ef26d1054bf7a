package com.towerco.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code towerco.yaml} as written: the {@code options} section (any {@code bin/towerco} option by
 * its long name without {@code --}) and one section per service ({@code kpi:},
 * {@code analytics:}, ...), whose nested keys flatten to the service settings' dotted keys
 * ({@code dashboard: {stream: {max-per-user: 5}}} is {@code dashboard.stream.max-per-user}). A
 * value is a scalar, a list (joined with commas) or a reference {@code {env: VARIABLE}} or
 * {@code {file: PATH}} (the file's content, trimmed): secrets may only be given so. What is
 * wrong with the file's shape is collected in {@link #problems}, not thrown, so that
 * {@code config check} lists everything at once.
 */
public record ConfigFile(Path path, Map<String, String> options, Map<String, String> settings,
    Map<String, String> references, List<String> problems) {
  public static final String OPTIONS = "options";
  public static final ConfigFile NONE = new ConfigFile(null, Map.of(), Map.of(), Map.of(),
      List.of());

  public ConfigFile {
    options = Map.copyOf(options);
    settings = Map.copyOf(settings);
    references = Map.copyOf(references);
    problems = List.copyOf(problems);
  }

  /** Reads {@code path}; {@code env} resolves {@code {env: NAME}} references. */
  public static ConfigFile load(Path path, UnaryOperator<String> env) {
    JsonNode root;
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration " + path + ": "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    Reader reader = new Reader(path, env);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new ConfigFile(path, Map.of(), Map.of(), Map.of(), List.of());
    }
    if (!root.isObject()) {
      reader.problems.add(path + ": the top level must be a map of sections");
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> section = it.next();
        if (!section.getValue().isObject()) {
          reader.problems.add(section.getKey() + ": a section must be a map of settings");
        } else if (section.getKey().equals(OPTIONS)) {
          section.getValue().fields().forEachRemaining(o ->
              reader.value(OPTIONS + "." + o.getKey(), o.getValue(), reader.options,
                  o.getKey()));
        } else {
          reader.flatten(section.getKey(), section.getValue());
        }
      }
    }
    return new ConfigFile(path, reader.options, reader.settings, reader.references,
        reader.problems);
  }

  /** Turns the YAML tree into dotted keys and texts. */
  private static final class Reader {
    private final Path path;
    private final UnaryOperator<String> env;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> references = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    Reader(Path path, UnaryOperator<String> env) {
      this.path = path;
      this.env = env;
    }

    void flatten(String prefix, JsonNode node) {
      if (node.isObject() && !isReference(node)) {
        node.fields().forEachRemaining(f -> flatten(prefix + "." + f.getKey(), f.getValue()));
      } else {
        value(prefix, node, settings, prefix);
      }
    }

    void value(String where, JsonNode node, Map<String, String> into, String key) {
      if (node.isNull()) {
        problems.add(where + ": no value (leave the key out for the default)");
      } else if (node.isValueNode()) {
        into.put(key, node.asText());
      } else if (node.isArray()) {
        List<String> items = new ArrayList<>();
        node.forEach(item -> {
          if (item.isValueNode()) {
            items.add(item.asText());
          } else {
            problems.add(where + ": a list may only hold plain values");
          }
        });
        into.put(key, String.join(",", items));
      } else if (isReference(node)) {
        String resolved = resolve(where, node);
        if (resolved != null) {
          into.put(key, resolved);
          references.put(where, node.has("env") ? "env " + node.get("env").asText()
              : "file " + node.get("file").asText());
        }
      } else {
        problems.add(where + ": expected a value, a list, {env: VARIABLE} or {file: PATH}");
      }
    }

    private static boolean isReference(JsonNode node) {
      return node.isObject() && node.size() == 1 && (node.has("env") || node.has("file"));
    }

    private String resolve(String where, JsonNode node) {
      if (node.has("env")) {
        String name = node.get("env").asText();
        String value = env.apply(name);
        if (value == null) {
          problems.add(where + ": environment variable " + name + " is not set");
        }
        return value;
      }
      Path file = path.resolveSibling(node.get("file").asText());
      try {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        problems.add(where + ": cannot read " + file);
        return null;
      }
    }
  }
}
