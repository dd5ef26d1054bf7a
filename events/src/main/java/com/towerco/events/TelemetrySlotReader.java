package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.towerco.events.DirectPayloadReader.Field;
import com.towerco.events.DirectPayloadReader.Irregular;
import com.towerco.events.contract.FieldSpec;
import com.towerco.events.contract.RecordSpec;
import com.towerco.events.payload.site.SiteTelemetry;
import java.io.IOException;
import java.util.List;

/**
 * The direct read of the commonest payload, {@code site.telemetry} (ADR-065): each value read
 * by its place in the reading straight into a primitive and each part built with its
 * constructor, without the generic reader's boxed values, {@code Object[]} per part, spreading
 * constructor handle and list copy. Every value is read and checked by the same {@link Field}
 * (the contract's kind and {@code ValueCheck}) as the generic read, so it accepts a subset of
 * what that accepts, into equal records; it is stricter only about order (each part's fields
 * in the record's order, as every producer writes them): anything else is {@link Irregular},
 * and the codec reads the event again through the data binding, which decides and words it.
 * Used only while the record's fields are the ones this class reads by place.
 */
final class TelemetrySlotReader {
  private static final Part TELEMETRY = new Part(SiteTelemetry.class, "mains", "generator",
      "rectifier", "battery", "solar", "fuel", "environment", "hvac", "door", "tenants");
  private static final Part MAINS = new Part(SiteTelemetry.Mains.class, "available",
      "voltage_v");
  private static final Part GENERATOR = new Part(SiteTelemetry.Generator.class, "running",
      "fault", "run_hours", "output_kw");
  private static final Part RECTIFIER = new Part(SiteTelemetry.Rectifier.class,
      "output_voltage_v", "load_a", "modules_ok", "modules_total");
  private static final Part BATTERY = new Part(SiteTelemetry.Battery.class, "voltage_v",
      "soc_pct", "temperature_c", "current_a");
  private static final Part SOLAR = new Part(SiteTelemetry.Solar.class, "output_kw");
  private static final Part FUEL = new Part(SiteTelemetry.Fuel.class, "level_l", "capacity_l");
  private static final Part ENVIRONMENT = new Part(SiteTelemetry.Environment.class,
      "cabinet_temp_c", "ambient_temp_c");
  private static final Part HVAC = new Part(SiteTelemetry.Hvac.class, "state");
  private static final Part DOOR = new Part(SiteTelemetry.Door.class, "open");
  private static final Part TENANT = new Part(SiteTelemetry.TenantSupply.class, "tenant_id",
      "dc_voltage_v", "load_kw");

  /** Whether the records still have exactly the fields read here (else the generic read). */
  static final boolean APPLIES = List.of(TELEMETRY, MAINS, GENERATOR, RECTIFIER, BATTERY, SOLAR,
      FUEL, ENVIRONMENT, HVAC, DOOR, TENANT).stream().allMatch(Part::matches);

  private TelemetrySlotReader() {}

  /** Reads the payload whose START_OBJECT the parser is at. */
  static SiteTelemetry read(JsonParser p) throws IOException, Irregular {
    SiteTelemetry.Mains mains = null;
    SiteTelemetry.Generator generator = null;
    SiteTelemetry.Rectifier rectifier = null;
    SiteTelemetry.Battery battery = null;
    SiteTelemetry.Solar solar = null;
    SiteTelemetry.Fuel fuel = null;
    SiteTelemetry.Environment environment = null;
    SiteTelemetry.Hvac hvac = null;
    SiteTelemetry.Door door = null;
    List<SiteTelemetry.TenantSupply> tenants = null;
    int next = 0;
    int place;
    while ((place = TELEMETRY.nextPlace(p, next)) >= 0) {
      next = place + 1; // a later place only, so a field is never read twice
      Field field = TELEMETRY.fields[place];
      JsonToken token = p.nextToken();
      switch (place) {
        case 0 -> mains = mains(p, token);
        case 1 -> generator = generator(p, token);
        case 2 -> rectifier = rectifier(p, token);
        case 3 -> battery = battery(p, token);
        case 4 -> {
          SOLAR.enter(token);
          solar = new SiteTelemetry.Solar(SOLAR.number(p, 0));
          SOLAR.leave(p);
        }
        case 5 -> {
          FUEL.enter(token);
          double level = FUEL.number(p, 0);
          fuel = new SiteTelemetry.Fuel(level, FUEL.number(p, 1));
          FUEL.leave(p);
        }
        case 6 -> {
          ENVIRONMENT.enter(token);
          double cabinet = ENVIRONMENT.number(p, 0);
          environment = new SiteTelemetry.Environment(cabinet, ENVIRONMENT.number(p, 1));
          ENVIRONMENT.leave(p);
        }
        case 7 -> {
          HVAC.enter(token);
          hvac = new SiteTelemetry.Hvac((SiteTelemetry.HvacState) HVAC.value(p, 0));
          HVAC.leave(p);
        }
        case 8 -> {
          DOOR.enter(token);
          door = new SiteTelemetry.Door(DOOR.bool(p, 0));
          DOOR.leave(p);
        }
        case 9 -> tenants = tenants(p, token, field);
        default -> throw Irregular.INSTANCE;
      }
    }
    if (mains == null || rectifier == null || battery == null || environment == null
        || hvac == null || door == null || tenants == null) {
      throw Irregular.INSTANCE; // a required part is absent: the data binding's rules
    }
    return new SiteTelemetry(mains, generator, rectifier, battery, solar, fuel, environment,
        hvac, door, tenants);
  }

  private static SiteTelemetry.Mains mains(JsonParser p, JsonToken token)
      throws IOException, Irregular {
    MAINS.enter(token);
    boolean available = MAINS.bool(p, 0);
    SiteTelemetry.Mains mains = new SiteTelemetry.Mains(available, MAINS.number(p, 1));
    MAINS.leave(p);
    return mains;
  }

  private static SiteTelemetry.Generator generator(JsonParser p, JsonToken token)
      throws IOException, Irregular {
    GENERATOR.enter(token);
    boolean running = GENERATOR.bool(p, 0);
    boolean fault = GENERATOR.bool(p, 1);
    double runHours = GENERATOR.number(p, 2);
    double output = GENERATOR.number(p, 3);
    GENERATOR.leave(p);
    return new SiteTelemetry.Generator(running, fault, runHours, output);
  }

  private static SiteTelemetry.Rectifier rectifier(JsonParser p, JsonToken token)
      throws IOException, Irregular {
    RECTIFIER.enter(token);
    double voltage = RECTIFIER.number(p, 0);
    double load = RECTIFIER.number(p, 1);
    int ok = RECTIFIER.integer(p, 2);
    int total = RECTIFIER.integer(p, 3);
    RECTIFIER.leave(p);
    return new SiteTelemetry.Rectifier(voltage, load, ok, total);
  }

  private static SiteTelemetry.Battery battery(JsonParser p, JsonToken token)
      throws IOException, Irregular {
    BATTERY.enter(token);
    double voltage = BATTERY.number(p, 0);
    double soc = BATTERY.number(p, 1);
    double temperature = BATTERY.number(p, 2);
    double current = BATTERY.number(p, 3);
    BATTERY.leave(p);
    return new SiteTelemetry.Battery(voltage, soc, temperature, current);
  }

  private static List<SiteTelemetry.TenantSupply> tenants(JsonParser p, JsonToken token,
      Field field) throws IOException, Irregular {
    if (token != JsonToken.START_ARRAY) {
      throw Irregular.INSTANCE;
    }
    SiteTelemetry.TenantSupply[] feeds = new SiteTelemetry.TenantSupply[4];
    int n = 0;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      TENANT.enter(token);
      String tenantId = (String) TENANT.value(p, 0);
      double voltage = TENANT.number(p, 1);
      double load = TENANT.number(p, 2);
      TENANT.leave(p);
      if (n == feeds.length) {
        feeds = java.util.Arrays.copyOf(feeds, n * 2);
      }
      feeds[n++] = new SiteTelemetry.TenantSupply(tenantId, voltage, load);
    }
    if (n < field.minItems || n > field.maxItems) {
      throw Irregular.INSTANCE;
    }
    return n == feeds.length ? List.of(feeds) : List.of(java.util.Arrays.copyOf(feeds, n));
  }

  /** One record type's fields, by place, with their quoted names and readers. */
  private static final class Part {
    private final Class<?> type;
    private final String[] expected;
    final Field[] fields;
    private final SerializedString[] quoted;

    Part(Class<?> type, String... expected) {
      this.type = type;
      this.expected = expected;
      List<FieldSpec> specs = RecordSpec.of(type).fields();
      var components = type.getRecordComponents();
      int n = Math.min(specs.size(), expected.length);
      fields = new Field[n];
      quoted = new SerializedString[n];
      for (int i = 0; i < n; i++) {
        fields[i] = new Field(i, specs.get(i), components[i].getType().isPrimitive());
        quoted[i] = new SerializedString(specs.get(i).name());
      }
    }

    /** True if the record's fields are, by name and in order, the ones read by place here. */
    boolean matches() {
      List<FieldSpec> specs = RecordSpec.of(type).fields();
      if (specs.size() != expected.length) {
        return false;
      }
      for (int i = 0; i < expected.length; i++) {
        if (!specs.get(i).name().equals(expected[i])) {
          return false;
        }
      }
      return true;
    }

    void enter(JsonToken token) throws Irregular {
      if (token != JsonToken.START_OBJECT) {
        throw Irregular.INSTANCE; // an explicit null or a wrong type: the data binding's
      }
    }

    /** The value token of the field at {@code place}, which must come next. */
    JsonToken expect(JsonParser p, int place) throws IOException, Irregular {
      if (!p.nextFieldName(quoted[place])) {
        throw Irregular.INSTANCE; // absent, out of order, unknown or repeated
      }
      return p.nextToken();
    }

    double number(JsonParser p, int place) throws IOException, Irregular {
      return fields[place].number(p, expect(p, place));
    }

    int integer(JsonParser p, int place) throws IOException, Irregular {
      return fields[place].integer(p, expect(p, place));
    }

    boolean bool(JsonParser p, int place) throws IOException, Irregular {
      return Field.bool(expect(p, place));
    }

    Object value(JsonParser p, int place) throws IOException, Irregular {
      return fields[place].value(p, expect(p, place));
    }

    /** The end of the part, which must follow its last field. */
    void leave(JsonParser p) throws IOException, Irregular {
      if (p.nextToken() != JsonToken.END_OBJECT) {
        throw Irregular.INSTANCE;
      }
    }

    /**
     * The place of the next field at {@code from} or later (a later optional part may be
     * absent), or -1 at the end of the object; anything else is irregular.
     */
    int nextPlace(JsonParser p, int from) throws IOException, Irregular {
      if (from < quoted.length && p.nextFieldName(quoted[from])) {
        return from;
      }
      JsonToken token = from < quoted.length ? p.currentToken() : p.nextToken();
      if (token == JsonToken.END_OBJECT) {
        return -1;
      }
      if (token == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        for (int i = from + 1; i < quoted.length; i++) {
          if (quoted[i].getValue().equals(name)) {
            return i;
          }
        }
      }
      throw Irregular.INSTANCE;
    }
  }
}
