package com.towerco.ingest.domain;

import com.towerco.events.EventCatalog;
import com.towerco.events.Ids;
import com.towerco.events.payload.site.SiteRegistered;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The inventory as an operator keeps it: one CSV row per site, with a header. Columns:
 * {@code site_id, name, region, hub_site_id} (empty for hubs and standalone sites),
 * {@code hub} (true/false), {@code latitude, longitude, grid, generator, solar} (true/false),
 * {@code battery_capacity_ah, fuel_capacity_l, generator_consumption_lph} and {@code tenancies}:
 * {@code tenant:sla_pct:dc_min_v:dc_max_v:backup_h} entries separated by {@code |}. Every row is
 * checked against {@code site.registered}'s contract; a bad row is reported with its line and
 * the others still parse. Optional columns carry the relations correlation groups by:
 * {@code grid_feeder_id, parent_hub_site_id, fuel_supplier_id, maintenance_contractor_id}.
 *
 * <p>The same inventory as JSON ({@link #read} tells them apart by the first character): an array
 * of objects, each a {@code site_id} and the fields of {@code site.registered} by their contract
 * names ({@code name, region, hub_site_id, hub, latitude, longitude, power {...}, tenancies
 * [...], relations {...}}), as {@code docs/events.md} lists them.
 */
public final class SiteSheet {
  static final String[] COLUMNS = {"site_id", "name", "region", "hub_site_id", "hub",
      "latitude", "longitude", "grid", "generator", "solar", "battery_capacity_ah",
      "fuel_capacity_l", "generator_consumption_lph", "tenancies"};

  /** One site of the sheet. */
  public record Row(long line, String siteId, SiteRegistered site) {}

  /** The good rows and what was wrong with the others. */
  public record Parsed(List<Row> rows, List<String> errors) {}

  static final String[] RELATION_COLUMNS = {"grid_feeder_id", "parent_hub_site_id",
      "fuel_supplier_id", "maintenance_contractor_id"};

  private SiteSheet() {}

  /** A CSV sheet, or a JSON array when the text starts with {@code [}. */
  public static Parsed read(String text) {
    return text.stripLeading().startsWith("[") ? parseJson(text) : parse(new StringReader(text));
  }

  /** A JSON array of sites; a bad item is reported with its index, the others still parse. */
  public static Parsed parseJson(String json) {
    List<Row> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    JsonNode items;
    try {
      items = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      errors.add("not a JSON array of sites: " + e.getOriginalMessage());
      return new Parsed(rows, errors);
    }
    if (items == null || !items.isArray()) {
      errors.add("not a JSON array of sites");
      return new Parsed(rows, errors);
    }
    for (int i = 0; i < items.size(); i++) {
      try {
        rows.add(item(i, items.get(i)));
      } catch (IllegalArgumentException | JsonProcessingException e) {
        String why = e instanceof JsonProcessingException j ? j.getOriginalMessage()
            : e.getMessage();
        errors.add("item " + i + ": " + why);
      }
    }
    return new Parsed(rows, errors);
  }

  private static Row item(int index, JsonNode node) throws JsonProcessingException {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    JsonNode id = fields.remove("site_id");
    String siteId = id == null ? "" : id.asText();
    if (!Ids.valid(siteId)) {
      throw new IllegalArgumentException("site_id '" + siteId + "' must match " + Ids.PATTERN);
    }
    SiteRegistered site = Json.mapper().treeToValue(fields, SiteRegistered.class);
    EventCatalog.bundled().checkedForWriting(site);
    return new Row(index, siteId, site);
  }

  public static Parsed parse(Reader csv) {
    List<Row> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try {
      var parser = format.parse(csv);
      List<String> missing = new ArrayList<>();
      for (String column : COLUMNS) {
        if (!parser.getHeaderMap().containsKey(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        errors.add("the header lacks " + String.join(", ", missing));
        return new Parsed(rows, errors);
      }
      for (CSVRecord record : parser) {
        try {
          rows.add(row(record));
        } catch (IllegalArgumentException e) {
          errors.add("line " + (record.getRecordNumber() + 1) + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      errors.add("not a CSV sheet: " + e.getMessage());
    }
    return new Parsed(rows, errors);
  }

  private static Row row(CSVRecord r) {
    String siteId = r.get("site_id");
    if (!Ids.valid(siteId)) {
      throw new IllegalArgumentException("site_id '" + siteId + "' must match " + Ids.PATTERN);
    }
    String hub = r.get("hub_site_id");
    SiteRegistered site = new SiteRegistered(r.get("name"), r.get("region"),
        hub.isEmpty() ? null : hub, bool(r, "hub"), number(r, "latitude"),
        number(r, "longitude"), new SiteRegistered.PowerPlant(bool(r, "grid"),
            bool(r, "generator"), bool(r, "solar"), number(r, "battery_capacity_ah"),
            number(r, "fuel_capacity_l"), number(r, "generator_consumption_lph")),
        tenancies(r.get("tenancies")), relations(r));
    EventCatalog.bundled().checkedForWriting(site);
    return new Row(r.getRecordNumber() + 1, siteId, site);
  }

  private static SiteRegistered.Relations relations(CSVRecord r) {
    String[] ids = new String[RELATION_COLUMNS.length];
    boolean any = false;
    for (int i = 0; i < ids.length; i++) {
      String value = r.isMapped(RELATION_COLUMNS[i]) ? r.get(RELATION_COLUMNS[i]) : "";
      ids[i] = value.isEmpty() ? null : value;
      any |= ids[i] != null;
    }
    return any ? new SiteRegistered.Relations(ids[0], ids[1], ids[2], ids[3]) : null;
  }

  private static List<SiteRegistered.Tenancy> tenancies(String text) {
    List<SiteRegistered.Tenancy> tenancies = new ArrayList<>();
    if (text.isBlank()) {
      return tenancies;
    }
    for (String entry : text.split("\\|")) {
      String[] f = entry.trim().split(":");
      if (f.length != 5) {
        throw new IllegalArgumentException("tenancy '" + entry
            + "' is not tenant:sla_pct:dc_min_v:dc_max_v:backup_h");
      }
      tenancies.add(new SiteRegistered.Tenancy(f[0], parse(f[1], "sla_pct"),
          parse(f[2], "dc_min_v"), parse(f[3], "dc_max_v"), parse(f[4], "backup_h")));
    }
    return tenancies;
  }

  private static boolean bool(CSVRecord r, String column) {
    String value = r.get(column).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(column + " must be true or false, not '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private static double number(CSVRecord r, String column) {
    return parse(r.get(column), column);
  }

  private static double parse(String value, String column) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " must be a number, not '" + value + "'");
    }
  }
}
