package com.towerco.platform.kafka;

import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.RepeatedText;
import com.towerco.events.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The routing contract (ADR-018): every envelope the platform writes carries its routing
 * attributes as Kafka record headers, named as in the CloudEvents Kafka protocol binding
 * (binary mode): {@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type},
 * {@code ce_time}, plus the extensions {@code ce_tenantid}, {@code ce_siteid} and
 * {@code ce_eventversion}. The value stays the whole ADR-003 envelope, so a reader that ignores
 * headers loses nothing. Consumers filter, deduplicate and route on {@link #read} without
 * parsing JSON, and decode the value only for what they handle; a record without these headers
 * (a third party's, or one written before them) reads as {@code null} and is simply decoded.
 * The envelope is the truth: a decoded envelope that disagrees with its headers is refused
 * ({@link #check}). This class is the only place that writes or reads them.
 */
public final class EventHeaders {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String TIME = "ce_time";
  public static final String TENANT = "ce_tenantid";
  public static final String SITE = "ce_siteid";
  public static final String VERSION = "ce_eventversion";
  /** The CloudEvents specification version the attributes follow. */
  public static final String CLOUDEVENTS_VERSION = "1.0";
  /** {@code ce_source} of every event the platform writes. */
  public static final String PLATFORM_SOURCE = "/towerco";

  private static final byte[] SPEC_VERSION_VALUE = utf8(CLOUDEVENTS_VERSION);
  private static final byte[] SOURCE_VALUE = utf8(PLATFORM_SOURCE);
  /** Header values that repeat from record to record, shared by every reader of the process. */
  private static final RepeatedText VALUES = new RepeatedText(4096);

  private EventHeaders() {}

  /** An envelope's routing attributes, as carried in the headers. */
  public record Attributes(String id, String type, String version, String tenantId,
      String siteId, Instant time) {
    public Attributes {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(siteId, "siteId");
      Objects.requireNonNull(time, "time");
    }

    public static Attributes of(Envelope event) {
      return new Attributes(event.eventId(), event.eventType(), event.version(),
          event.tenantId(), event.siteId(), event.timestamp());
    }

    /** True if the envelope has exactly these attributes. */
    public boolean describe(Envelope event) {
      return id.equals(event.eventId()) && type.equals(event.eventType())
          && version.equals(event.version()) && tenantId.equals(event.tenantId())
          && siteId.equals(event.siteId()) && time.equals(event.timestamp());
    }

    /** True if the projected envelope (ADR-037) has exactly these attributes. */
    public boolean describe(com.towerco.events.ProjectedEvent event) {
      return id.equals(event.eventId()) && type.equals(event.eventType())
          && version.equals(event.version()) && tenantId.equals(event.tenantId())
          && siteId.equals(event.siteId()) && time.equals(event.timestamp());
    }
  }

  /** Fresh headers carrying {@code event}'s attributes. */
  public static Headers of(Envelope event) {
    return write(new RecordHeaders(), Attributes.of(event));
  }

  /** Fresh headers carrying {@code attributes}. */
  public static Headers of(Attributes attributes) {
    return write(new RecordHeaders(), attributes);
  }

  /** Replaces any routing headers in {@code headers} with {@code attributes}; returns them. */
  public static Headers write(Headers headers, Attributes attributes) {
    strip(headers);
    headers.add(SPEC_VERSION, SPEC_VERSION_VALUE);
    headers.add(ID, utf8(attributes.id()));
    headers.add(SOURCE, SOURCE_VALUE);
    headers.add(TYPE, utf8(attributes.type()));
    headers.add(TIME, utf8(Rfc3339.format(attributes.time())));
    headers.add(TENANT, utf8(attributes.tenantId()));
    headers.add(SITE, utf8(attributes.siteId()));
    headers.add(VERSION, utf8(attributes.version()));
    return headers;
  }

  /** Removes every routing header (for a value that is not, or no longer, the event they name). */
  public static Headers strip(Headers headers) {
    for (String name : new String[] {SPEC_VERSION, ID, SOURCE, TYPE, TIME, TENANT, SITE,
        VERSION}) {
      headers.remove(name);
    }
    return headers;
  }

  /**
   * The record's routing attributes, or null if it carries none (or an incomplete or unreadable
   * set: such a record is decoded like one without headers, and {@link #check} then refuses it
   * if what it does carry disagrees with the envelope).
   */
  public static Attributes read(Headers headers) {
    if (headers == null) {
      return null;
    }
    // One lastHeader scan per attribute (ADR-039: faster than one pass with a switch); the
    // values that repeat from record to record (type, version, tenant, site) as the same
    // Strings, the time parsed from its bytes (ADR-055)
    byte[] spec = value(headers, SPEC_VERSION);
    byte[] id = value(headers, ID);
    byte[] type = value(headers, TYPE);
    byte[] time = value(headers, TIME);
    byte[] tenant = value(headers, TENANT);
    byte[] site = value(headers, SITE);
    byte[] version = value(headers, VERSION);
    if (spec == null || id == null || type == null || time == null || tenant == null
        || site == null || version == null) {
      return null;
    }
    try {
      return new Attributes(new String(id, StandardCharsets.UTF_8), VALUES.text(type),
          VALUES.text(version), VALUES.text(tenant), VALUES.text(site), Rfc3339.parse(time));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Only the event type, or null: the cheapest question a filter asks (the same {@code String}
   * from record to record, ADR-059).
   */
  public static String type(Headers headers) {
    return headers == null || headers.lastHeader(SPEC_VERSION) == null ? null
        : VALUES.text(value(headers, TYPE));
  }

  /**
   * The {@code ce_time} header's time alone, or null if absent or unreadable: for a record whose
   * set is incomplete ({@link #read} gives null), which is judged on its time all the same
   * (ADR-057, ADR-059).
   */
  public static Instant time(Headers headers) {
    byte[] time = headers == null ? null : value(headers, TIME);
    if (time == null) {
      return null;
    }
    try {
      return Rfc3339.parse(time);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Refuses an envelope whose record says otherwise in its routing headers: a consumer that
   * filtered or routed on the headers must not then act on a different event (another tenant's,
   * say). Records without routing headers pass.
   */
  public static void check(Headers headers, Envelope event) throws InvalidEventException {
    if (headers == null || headers.lastHeader(SPEC_VERSION) == null) {
      return;
    }
    Attributes attributes = read(headers);
    if (attributes == null) {
      throw disagree("incomplete", event);
    }
    checkRead(attributes, event);
  }

  /**
   * As {@link #check(Headers, Envelope)} for a record whose complete routing headers were
   * already {@link #read} into {@code routing}: the same refusal, without reading them again.
   */
  public static void checkRead(Attributes routing, Envelope event) throws InvalidEventException {
    if (!routing.describe(event)) {
      throw disagree(describe(routing), event);
    }
  }

  private static InvalidEventException disagree(String headers, Envelope event) {
    return new InvalidEventException(RejectReason.SCHEMA_VIOLATION,
        "the record's ce_* headers disagree with its envelope (headers " + headers
            + ", envelope " + describe(Attributes.of(event)) + ")");
  }

  private static String describe(Attributes a) {
    return a.type() + " " + a.version() + " " + a.id() + " tenant " + a.tenantId() + " site "
        + a.siteId() + " at " + a.time();
  }

  private static byte[] value(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : header.value();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
