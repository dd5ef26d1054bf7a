package com.towerco.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.PayloadValidator;
import com.towerco.events.contract.Upcaster;
import com.towerco.events.contract.Version;
import com.towerco.events.payload.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type a process reads or writes, built from the payload records'
 * {@link EventDefinition}s. Each record is one type at its current version; it also reads the
 * earlier minor versions of its major (they only lacked optional fields), newer minor versions
 * (unknown fields dropped, see {@link #reading}) and, through its upcasters, older majors.
 * {@link #bundled()} is the platform's catalogue, listed by the build in
 * {@code schemas/index.json}; tests build others with {@link #of}.
 */
public final class EventCatalog {
  /** The build writes the class of every event type here (see ContractBuild). */
  public static final String INDEX = "schemas/index.json";

  private static volatile EventCatalog bundled;

  private final List<EventType> all;
  private final Map<String, Map<String, Reading>> exact = new HashMap<>();
  private final Map<String, Definition> byName = new HashMap<>();
  private final Map<Class<?>, Writing> current = new HashMap<>();

  /**
   * How to read one (type, version): as which type (the payload then conforms to it), whether
   * unknown fields are dropped, the upcasters to run first, and what is left to check after
   * decoding (fields newer than the version; the codec checks every value as it reads it).
   */
  public record Reading(EventType type, boolean lenient, List<Upcaster> upcasters,
      PayloadValidator validator) {}

  private record Definition(Reading newest, Map<Integer, Upcaster> upcasters) {}

  private record Writing(EventType type, PayloadValidator validator) {}

  private EventCatalog(Collection<Class<?>> payloadClasses) {
    List<EventType> types = new ArrayList<>();
    for (Class<?> payloadClass : payloadClasses) {
      define(payloadClass, types);
    }
    types.sort(Comparator.comparing((EventType t) -> t.topic().ordinal())
        .thenComparing(EventType::name)
        .thenComparing(t -> Version.parse(t.version())));
    this.all = List.copyOf(types);
  }

  /** A catalogue of exactly these payload records. */
  public static EventCatalog of(Collection<Class<?>> payloadClasses) {
    return new EventCatalog(payloadClasses);
  }

  /** The platform's catalogue: every record the build listed in {@value #INDEX}. */
  public static EventCatalog bundled() {
    EventCatalog catalog = bundled;
    if (catalog == null) {
      synchronized (EventCatalog.class) {
        catalog = bundled;
        if (catalog == null) {
          catalog = new EventCatalog(indexedClasses());
          bundled = catalog;
        }
      }
    }
    return catalog;
  }

  private void define(Class<?> payloadClass, List<EventType> types) {
    EventDefinition d = payloadClass.getAnnotation(EventDefinition.class);
    if (d == null || !Payload.class.isAssignableFrom(payloadClass)) {
      throw new IllegalArgumentException(payloadClass.getName()
          + " is not a payload record with @EventDefinition");
    }
    @SuppressWarnings("unchecked")
    Class<? extends Payload> type = (Class<? extends Payload>) payloadClass;
    Version version = Version.parse(d.version());
    if (byName.containsKey(d.name())) {
      throw new IllegalArgumentException("two records define " + d.name() + ": "
          + byName.get(d.name()).newest().type().payloadClass().getName() + " and "
          + type.getName());
    }
    Map<String, Reading> readings = exact.computeIfAbsent(d.name(), n -> new HashMap<>());
    Reading newest = null;
    for (int minor = 0; minor <= version.minor(); minor++) {
      EventType t = new EventType(d.name(), new Version(version.major(), minor).toString(), type,
          d.topic(), d.description());
      types.add(t);
      newest = new Reading(t, false, List.of(),
          PayloadValidator.ofDecoded(type, Version.parse(t.version())));
      readings.put(t.version(), newest);
    }
    current.put(type, new Writing(newest.type(), PayloadValidator.of(type, version)));
    byName.put(d.name(), new Definition(newest, upcasters(d, version)));
  }

  private static Map<Integer, Upcaster> upcasters(EventDefinition d, Version version) {
    Map<Integer, Upcaster> byMajor = new HashMap<>();
    for (Class<? extends Upcaster> c : d.upcasters()) {
      Upcaster upcaster;
      try {
        upcaster = c.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(c.getName() + " needs a public no-argument constructor",
            e);
      }
      Version to = Version.parse(upcaster.toVersion());
      if (to.major() != upcaster.fromMajor() + 1 || to.major() > version.major()) {
        throw new IllegalArgumentException(c.getName() + " must upcast major " + upcaster.fromMajor()
            + " to " + (upcaster.fromMajor() + 1) + ".x, at most " + version);
      }
      byMajor.put(upcaster.fromMajor(), upcaster);
    }
    return byMajor;
  }

  /** Every type and version this catalogue reads as it is, by topic family, name, version. */
  public List<EventType> all() {
    return all;
  }

  public boolean isKnownName(String name) {
    return byName.containsKey(name);
  }

  /** The type of exactly this name and version. */
  public Optional<EventType> find(String name, String version) {
    Map<String, Reading> versions = exact.get(name);
    Reading reading = versions == null ? null : versions.get(version);
    return reading == null ? Optional.empty() : Optional.of(reading.type());
  }

  /**
   * How an event of this name and version is read, or null when it cannot be: a version of
   * the current major this process knows is read strictly (an unknown field is an error); a
   * newer minor version of it is read as the newest one known, dropping the fields this process
   * does not know yet; an older major is upcast (and read the same lenient way).
   */
  public Reading reading(String name, String version) {
    Map<String, Reading> versions = exact.get(name);
    if (versions == null) {
      return null;
    }
    Reading reading = versions.get(version);
    if (reading != null) {
      return reading;
    }
    Version v = Version.parseOrNull(version);
    Definition definition = byName.get(name);
    Reading newestReading = definition.newest();
    Version newest = Version.parse(newestReading.type().version());
    if (v == null) {
      return null;
    }
    if (v.major() == newest.major() && v.minor() > newest.minor()) {
      return new Reading(newestReading.type(), true, List.of(), newestReading.validator());
    }
    List<Upcaster> chain = new ArrayList<>();
    for (int major = v.major(); major < newest.major(); major++) {
      Upcaster step = definition.upcasters().get(major);
      if (step == null) {
        return null;
      }
      chain.add(step);
    }
    if (chain.isEmpty()) {
      return null;
    }
    Reading target = versions.get(chain.get(chain.size() - 1).toVersion());
    return target == null ? null
        : new Reading(target.type(), true, List.copyOf(chain), target.validator());
  }

  /** The type a payload record is written as: its current version. */
  public EventType current(Class<? extends Payload> payloadClass) {
    return writing(payloadClass).type();
  }

  /**
   * The current type of a payload, after checking the payload against it: what producers
   * call before publishing (a {@link com.towerco.events.contract.ContractViolation} names the
   * field that is wrong).
   */
  public EventType checkedForWriting(Payload payload) {
    Writing writing = writing(payload.getClass());
    writing.validator().validate(payload);
    return writing.type();
  }

  private Writing writing(Class<? extends Payload> payloadClass) {
    Writing writing = current.get(payloadClass);
    if (writing == null) {
      throw new IllegalArgumentException("no event type for " + payloadClass.getName());
    }
    return writing;
  }

  private static List<Class<?>> indexedClasses() {
    ClassLoader loader = EventCatalog.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IllegalStateException(INDEX + " is missing from the classpath: it is written "
            + "by the events module's build (mvn process-classes runs ContractBuild)");
      }
      List<Class<?>> classes = new ArrayList<>();
      for (JsonNode type : Json.mapper().readTree(in).path("types")) {
        classes.add(Class.forName(type.path("class").asText(), true, loader));
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(INDEX + " names a missing class; rebuild events", e);
    }
  }
}
