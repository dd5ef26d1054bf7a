package com.towerco.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.EventCatalog;
import com.towerco.events.EventType;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build step that derives the contract from the payload records (Maven runs it at
 * {@code process-classes}, see {@code events/pom.xml}): finds every {@link EventDefinition} in
 * the compiled classes, writes each type's JSON Schema for every version it reads to
 * {@code schemas/<type>/<version>.schema.json} and the type index to
 * {@value EventCatalog#INDEX} beside them, bundles the released schemas of older major
 * versions, and fails the build on a breaking change ({@link SchemaCompatibility}). With
 * {@code release} it adds the versions not released yet to the released set (it never
 * rewrites a released file).
 *
 * <p>Arguments: {@code <classes dir> <released-schemas dir> [release]}.
 */
public final class ContractBuild {
  private final Path classes;
  private final Path released;

  ContractBuild(Path classes, Path released) {
    this.classes = classes;
    this.released = released;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ContractBuild <classes dir> <released dir> "
          + "[release]");
    }
    boolean release = args.length > 2 && Boolean.parseBoolean(args[2]);
    ContractBuild build = new ContractBuild(Path.of(args[0]), Path.of(args[1]));
    EventCatalog catalog = EventCatalog.of(build.definitions());
    for (String line : build.run(catalog, release)) {
      System.out.println("[contract] " + line);
    }
  }

  /** Writes the schemas and the index, checks them; returns what it did, throws if breaking. */
  List<String> run(EventCatalog catalog, boolean release) throws IOException {
    Map<String, Map<Version, JsonNode>> generated = generate(catalog);
    Map<String, Map<Version, JsonNode>> before = readReleased(released);
    List<String> problems = SchemaCompatibility.check(generated, before,
        (name, version) -> isUpcast(catalog, name, version));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("breaking event contract change:\n  "
          + String.join("\n  ", problems));
    }
    Map<String, List<Version>> readable = new TreeMap<>();
    generated.forEach((name, versions) -> readable.put(name, new ArrayList<>(versions.keySet())));
    before.forEach((name, versions) -> versions.forEach((version, schema) -> {
      if (isUpcast(catalog, name, version)) {
        write(classes.resolve(resource(name, version)), schema);
        readable.get(name).add(version);
      }
    }));
    writeIndex(catalog, readable);
    List<String> report = new ArrayList<>();
    report.add(generated.values().stream().mapToInt(Map::size).sum() + " schemas of "
        + generated.size() + " event types written to " + classes.resolve("schemas"));
    generated.forEach((name, versions) -> versions.forEach((version, schema) -> {
      if (!before.getOrDefault(name, Map.of()).containsKey(version)) {
        if (release) {
          write(released.resolve(name).resolve(version + ".schema.json"), schema);
          report.add("released " + name + " " + version);
        } else {
          report.add("not released yet: " + name + " " + version + " (freeze it with "
              + "-Dcontract.release=true before it ships)");
        }
      }
    }));
    return report;
  }

  private Map<String, Map<Version, JsonNode>> generate(EventCatalog catalog) {
    Map<String, Map<Version, JsonNode>> generated = new TreeMap<>();
    for (EventType type : catalog.all()) {
      ObjectNode schema = SchemaWriter.schema(type);
      write(classes.resolve(type.schemaResource()), schema);
      generated.computeIfAbsent(type.name(), n -> new TreeMap<>())
          .put(Version.parse(type.version()), schema);
    }
    return generated;
  }

  private static boolean isUpcast(EventCatalog catalog, String name, Version version) {
    EventCatalog.Reading reading = catalog.reading(name, version.toString());
    return reading != null && !reading.upcasters().isEmpty();
  }

  private void writeIndex(EventCatalog catalog, Map<String, List<Version>> readable) {
    ObjectNode index = Json.mapper().createObjectNode();
    index.put("generated_by", ContractBuild.class.getName());
    ArrayNode types = index.putArray("types");
    Map<String, EventType> newest = new LinkedHashMap<>();
    catalog.all().forEach(type -> newest.put(type.name(), type));
    newest.values().forEach(type -> {
      ObjectNode entry = types.addObject();
      entry.put("name", type.name());
      entry.put("version", type.version());
      ArrayNode versions = entry.putArray("reads");
      readable.get(type.name()).stream().sorted().forEach(v -> versions.add(v.toString()));
      entry.put("topic", type.topic().template());
      entry.put("class", type.payloadClass().getName());
    });
    write(classes.resolve(EventCatalog.INDEX), index);
  }

  /** The payload records with an {@link EventDefinition} among the compiled classes. */
  List<Class<?>> definitions() throws IOException {
    List<Class<?>> found = new ArrayList<>();
    ClassLoader loader = ContractBuild.class.getClassLoader();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem()
            .getSeparator(), ".").replaceAll("\\.class$", "");
        try {
          Class<?> type = Class.forName(name, false, loader);
          if (type.isAnnotationPresent(EventDefinition.class)) {
            found.add(type);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load " + name, e);
        }
      }
    }
    found.sort(java.util.Comparator.comparing(Class::getName));
    return found;
  }

  /** The released set: {@code <dir>/<type>/<version>.schema.json}. */
  static Map<String, Map<Version, JsonNode>> readReleased(Path dir) throws IOException {
    Map<String, Map<Version, JsonNode>> released = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return released;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString()
          .endsWith(".schema.json"))::iterator) {
        String version = file.getFileName().toString().replace(".schema.json", "");
        released.computeIfAbsent(file.getParent().getFileName().toString(),
            n -> new TreeMap<>()).put(Version.parse(version), Json.mapper().readTree(file.toFile()));
      }
    }
    return released;
  }

  private static String resource(String name, Version version) {
    return "schemas/" + name + "/" + version + ".schema.json";
  }

  private static void write(Path file, JsonNode json) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
