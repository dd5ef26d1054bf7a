package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.towerco.events.contract.FieldSpec;
import com.towerco.events.contract.RecordSpec;
import com.towerco.events.contract.ValueSpec;
import com.towerco.events.payload.Payload;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projected read (ADR-037): a service declares the payload fields it reads, by their paths
 * in the payload record ({@code "battery.socPct"}, {@code "tenants[].loadKw"}), and this reads
 * an envelope of that event type keeping only those: every other value is passed over (a
 * nested object or list skimmed by matching its brackets, {@link SkimmingParser}, ADR-044; a
 * number tokenized without being parsed) and nothing is built for it. The fields kept are read and checked exactly as
 * the direct read (ADR-031) reads them.
 *
 * <p>Like the direct read it only ever accepts: anything that is not the plain case (fields out
 * of the writers' order in the envelope, another version, an unknown or repeated field where it
 * looks, a wrong token, an explicit null, a kept value out of its range, a required field
 * missing, malformed JSON) makes {@link #read} return null, and the caller decodes the record
 * in full with {@link EventCodec}, which accepts it or words the rejection (dead letter with
 * its reason). What it does not look at is listed in ADR-037 and ADR-044: the contents of the
 * objects and lists it skips (their syntax too, beyond closed strings and matching brackets),
 * and the ranges of the numbers it skips.
 */
public final class PayloadProjection {
  private static final SerializedString EVENT_ID = new SerializedString("event_id");
  private static final SerializedString EVENT_TYPE = new SerializedString("event_type");
  private static final SerializedString TENANT_ID = new SerializedString("tenant_id");
  private static final SerializedString SITE_ID = new SerializedString("site_id");
  private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
  private static final SerializedString VERSION = new SerializedString("version");
  private static final SerializedString PAYLOAD = new SerializedString("payload");
  private static final SerializedString METADATA = new SerializedString("metadata");

  private final EventType type;
  private final Node root;
  private final Map<String, Integer> slots;
  private final int maxBytes;
  // The payload mapper's parser without the duplicate detector (repeats are found here), and
  // skimming what it skips (ADR-044).
  private final SkimmingParser.Factory factory = (SkimmingParser.Factory)
      new SkimmingParser.Factory(Json.payloadMapper().getFactory())
      .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false);

  private PayloadProjection(EventType type, Node root, Map<String, Integer> slots,
      int maxBytes) {
    this.type = type;
    this.root = root;
    this.slots = slots;
    this.maxBytes = maxBytes;
  }

  /**
   * A projection of {@code payloadClass}'s current version keeping {@code paths}: record
   * component names joined by dots, a list field followed by {@code []}; each path ends at a
   * value (not a record). A path the record does not have fails here.
   */
  public static PayloadProjection of(Class<? extends Payload> payloadClass, String... paths) {
    Map<String, Integer> slots = new LinkedHashMap<>();
    Node root = new Node(RecordSpec.of(payloadClass), new int[1], "", slots,
        List.of(paths));
    return new PayloadProjection(EventTypes.of(payloadClass), root, Map.copyOf(slots),
        EventCodec.DEFAULT_MAX_BYTES);
  }

  /** The event type (and version) this projection reads. */
  public EventType type() {
    return type;
  }

  /**
   * Where a kept path's value is in {@link Values}: in the event's for a path outside lists,
   * in each item's for a path under {@code []}; a list's own path gives its items.
   */
  public int slot(String path) {
    Integer slot = slots.get(path);
    if (slot == null) {
      throw new IllegalArgumentException("not kept by this projection: " + path
          + " (kept: " + slots.keySet() + ")");
    }
    return slot;
  }

  /**
   * The envelope with only the kept payload fields, or null if the record is not the plain
   * case of this event type: decode it in full then.
   */
  public ProjectedEvent read(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > maxBytes) {
      return null;
    }
    try (JsonParser p = factory.createParser(bytes)) {
      return read(p);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A reader of this projection for one thread (a consumer's handler): {@link Reader#read} is
   * {@link #read} through one parser kept from record to record (ADR-062).
   */
  public Reader reader() {
    return new Reader();
  }

  /** {@link #read} with a parser of its own, restarted on each record; not thread-safe. */
  public final class Reader {
    private SkimmingParser parser;

    private Reader() {}

    /** As {@link PayloadProjection#read}: the same event, or null where it gives null. */
    public ProjectedEvent read(byte[] bytes) {
      if (bytes == null || bytes.length == 0 || bytes.length > maxBytes || bytes[0] != '{') {
        return PayloadProjection.this.read(bytes); // not a skimming parser's: made afresh
      }
      try {
        if (parser == null || parser.symbolsFull()) {
          parser = factory.reusableParser();
        }
        parser.restart(bytes, 0, bytes.length);
      } catch (IOException | RuntimeException e) {
        return PayloadProjection.this.read(bytes);
      }
      return PayloadProjection.this.read(parser);
    }
  }

  /** The envelope the parser is at the start of, or null if it is not the plain case. */
  private ProjectedEvent read(JsonParser p) {
    try {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String eventId = string(p, EVENT_ID);
      String eventType = repeated(p, EVENT_TYPE);
      String tenantId = repeated(p, TENANT_ID);
      String siteId = repeated(p, SITE_ID);
      String timestamp = string(p, TIMESTAMP);
      String version = repeated(p, VERSION);
      if (!eventType.equals(type.name()) || !version.equals(type.version())
          || eventId.isEmpty() || eventId.length() > 64 || !Ids.valid(tenantId)
          || !(siteId.isEmpty() || Ids.valid(siteId))) {
        return null;
      }
      if (!p.nextFieldName(PAYLOAD) || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Object[] values = new Object[root.slots];
      root.read(p, values);
      if (!p.nextFieldName(METADATA) || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      SkimmingParser.skip(p);
      if (p.nextToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
      Instant time = Rfc3339.parse(timestamp);
      return new ProjectedEvent(eventId, eventType, tenantId, siteId, time, version,
          new Values(values));
    } catch (DirectPayloadReader.Irregular | IOException | DateTimeParseException e) {
      return null;
    } catch (RuntimeException e) {
      return null; // anything unexpected: the full decode decides
    }
  }

  /** The next envelope field, in the writers' order, as a string. */
  private static String string(JsonParser p, SerializedString name)
      throws IOException, DirectPayloadReader.Irregular {
    if (!p.nextFieldName(name) || p.nextToken() != JsonToken.VALUE_STRING) {
      throw DirectPayloadReader.Irregular.INSTANCE;
    }
    return p.getText();
  }

  /** As {@link #string} for a field whose values repeat from event to event (ADR-055). */
  private static String repeated(JsonParser p, SerializedString name)
      throws IOException, DirectPayloadReader.Irregular {
    if (!p.nextFieldName(name) || p.nextToken() != JsonToken.VALUE_STRING) {
      throw DirectPayloadReader.Irregular.INSTANCE;
    }
    return EventCodec.STRINGS.text(p);
  }

  /** The kept values of an event's payload, or of one list item, by {@link #slot}. */
  public static final class Values {
    private final Object[] values;

    Values(Object[] values) {
      this.values = values;
    }

    /** False if the value's field, or a record around it, is absent (an optional part). */
    public boolean has(int slot) {
      return values[slot] != null;
    }

    public double number(int slot) {
      return (Double) present(slot);
    }

    public int integer(int slot) {
      return (Integer) present(slot);
    }

    public boolean bool(int slot) {
      return (Boolean) present(slot);
    }

    public String text(int slot) {
      return (String) present(slot);
    }

    /** Any other kind of value (an instant, an enum constant, a list of values). */
    public Object value(int slot) {
      return present(slot);
    }

    /** The items of a list of records. */
    @SuppressWarnings("unchecked")
    public List<Values> items(int slot) {
      return (List<Values>) present(slot);
    }

    private Object present(int slot) {
      Object value = values[slot];
      if (value == null) {
        throw new IllegalStateException("absent in this event: slot " + slot);
      }
      return value;
    }
  }

  /** What to do with one field of a record. */
  private enum Action { SKIP, VALUE, RECORD, ITEMS }

  /**
   * One record type as the projection sees it: every field's name (so unknown and repeated
   * fields are still found), what to do with each, the required ones. A nested record that is
   * kept whole or in part writes its values into its parent's slots; a list of records gives
   * each item slots of its own.
   */
  private static final class Node {
    final String[] names;
    final SerializedString[] quoted;
    final FieldSpec[] specs;
    final Action[] actions;
    final DirectPayloadReader.Field[] readers;
    final int[] slotOf;
    /** Each list field's size bounds (0 and MAX_VALUE where it has none). */
    final int[] minItems;
    final int[] maxItems;
    final Node[] children;
    final long required;
    final int slots;

    /**
     * {@code counter}: the next free slot of the values this node writes into;
     * {@code prefix}: this node's path; {@code paths}: the kept paths under it.
     */
    Node(RecordSpec spec, int[] counter, String prefix, Map<String, Integer> slotsOut,
        List<String> paths) {
      List<FieldSpec> fields = spec.fields();
      if (fields.size() > 64) {
        throw new IllegalStateException(spec.type() + " has more than 64 fields");
      }
      int n = fields.size();
      names = new String[n];
      quoted = new SerializedString[n];
      specs = new FieldSpec[n];
      actions = new Action[n];
      readers = new DirectPayloadReader.Field[n];
      slotOf = new int[n];
      children = new Node[n];
      minItems = new int[n];
      maxItems = new int[n];
      Map<String, List<String>> under = new HashMap<>();
      for (String path : paths) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        under.computeIfAbsent(head, h -> new ArrayList<>())
            .add(dot < 0 ? null : path.substring(dot + 1));
      }
      long req = 0;
      for (int i = 0; i < n; i++) {
        FieldSpec f = fields.get(i);
        specs[i] = f;
        // the list bounds, read once: an annotation's values are a reflective proxy call
        minItems[i] = f.items() == null ? 0 : f.items().min();
        maxItems[i] = f.items() == null ? Integer.MAX_VALUE : f.items().max();
        names[i] = f.name().intern();
        quoted[i] = new SerializedString(names[i]);
        boolean primitive = f.accessor().getReturnType().isPrimitive();
        if (f.required() || primitive) {
          req |= 1L << i;
        }
        String component = f.accessor().getName();
        boolean list = f.shape() == FieldSpec.Shape.LIST;
        String key = list ? component + "[]" : component;
        List<String> rest = under.remove(key);
        if (rest == null && list && under.containsKey(component)) {
          rest = under.remove(component);
          if (rest.stream().anyMatch(r -> r != null)) {
            throw new IllegalArgumentException(prefix + component + " is a list: write "
                + prefix + component + "[]." + rest.get(0));
          }
        }
        actions[i] = Action.SKIP;
        if (rest == null) {
          continue;
        }
        boolean record = f.value().kind() == ValueSpec.Kind.RECORD;
        boolean whole = rest.contains(null);
        List<String> inner = rest.stream().filter(r -> r != null).toList();
        if (whole && (record || !inner.isEmpty())) {
          throw new IllegalArgumentException(prefix + key + " is a record or list of "
              + "records: keep the fields of it you read");
        }
        if (!whole && (!record || f.shape() == FieldSpec.Shape.MAP)) {
          throw new IllegalArgumentException(prefix + component + " has no fields "
              + inner);
        }
        if (whole) {
          actions[i] = Action.VALUE;
          readers[i] = new DirectPayloadReader.Field(i, f, primitive);
          slotOf[i] = counter[0]++;
          slotsOut.put(prefix + key, slotOf[i]);
        } else if (f.shape() == FieldSpec.Shape.SINGLE) {
          actions[i] = Action.RECORD;
          children[i] = new Node(f.value().record(), counter, prefix + component + ".",
              slotsOut, inner);
        } else {
          actions[i] = Action.ITEMS;
          slotOf[i] = counter[0]++;
          slotsOut.put(prefix + key, slotOf[i]);
          children[i] = new Node(f.value().record(), new int[1], prefix + key + ".",
              slotsOut, inner);
        }
      }
      if (!under.isEmpty()) {
        throw new IllegalArgumentException(spec.type().getSimpleName() + " has no field "
            + prefix + under.keySet().iterator().next());
      }
      required = req;
      slots = counter[0];
    }

    /** The field of this name, looked for from where the last one was (interned names). */
    private int index(String name, int from) {
      for (int i = from; i < names.length; i++) {
        if (names[i] == name) {
          return i;
        }
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    /** Reads the record whose START_OBJECT the parser is at, keeping what is kept. */
    void read(JsonParser p, Object[] values)
        throws IOException, DirectPayloadReader.Irregular {
      long seen = 0;
      int next = 0;
      int n = names.length;
      while (true) {
        int i;
        if (next < n && p.nextFieldName(quoted[next])) {
          i = next;
        } else {
          JsonToken token = next < n ? p.currentToken() : p.nextToken();
          if (token == JsonToken.END_OBJECT) {
            break;
          }
          i = token == JsonToken.FIELD_NAME ? index(p.currentName(), next) : -1;
        }
        if (i < 0 || (seen & (1L << i)) != 0) {
          throw DirectPayloadReader.Irregular.INSTANCE; // not a field, unknown or repeated
        }
        seen |= 1L << i;
        next = i + 1;
        JsonToken token = p.nextToken();
        switch (actions[i]) {
          case SKIP -> skip(specs[i], p, token);
          case VALUE -> values[slotOf[i]] = readers[i].read(p, token);
          case RECORD -> {
            if (token != JsonToken.START_OBJECT) {
              throw DirectPayloadReader.Irregular.INSTANCE;
            }
            children[i].read(p, values);
          }
          case ITEMS -> values[slotOf[i]] = items(i, p, token);
          default -> throw new IllegalStateException();
        }
      }
      if ((required & ~seen) != 0) {
        throw DirectPayloadReader.Irregular.INSTANCE; // absent: the full decode's rules
      }
    }

    private List<Values> items(int i, JsonParser p, JsonToken token)
        throws IOException, DirectPayloadReader.Irregular {
      if (token != JsonToken.START_ARRAY) {
        throw DirectPayloadReader.Irregular.INSTANCE;
      }
      Node item = children[i];
      List<Values> items = new ArrayList<>(4);
      while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
        Object[] values = new Object[item.slots];
        item.read(p, values);
        items.add(new Values(values));
      }
      if (token != JsonToken.END_ARRAY || items.size() < minItems[i]
          || items.size() > maxItems[i]) {
        throw DirectPayloadReader.Irregular.INSTANCE;
      }
      return Collections.unmodifiableList(items);
    }

    /**
     * Passes over a value not kept: its first token must be of the field's kind (a number for
     * a number, an object for a record, an array for a list), then it is skipped unparsed.
     */
    private static void skip(FieldSpec f, JsonParser p, JsonToken token)
        throws IOException, DirectPayloadReader.Irregular {
      boolean fits = switch (f.shape()) {
        case LIST -> token == JsonToken.START_ARRAY;
        case MAP -> token == JsonToken.START_OBJECT;
        case SINGLE -> switch (f.value().kind()) {
          case NUMBER -> token == JsonToken.VALUE_NUMBER_FLOAT
              || token == JsonToken.VALUE_NUMBER_INT;
          case INTEGER -> token == JsonToken.VALUE_NUMBER_INT;
          case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
          case STRING, INSTANT, ENUM -> token == JsonToken.VALUE_STRING;
          case RECORD -> token == JsonToken.START_OBJECT;
        };
      };
      if (!fits) {
        throw DirectPayloadReader.Irregular.INSTANCE;
      }
      SkimmingParser.skip(p); // a no-op on a scalar
    }
  }
}
