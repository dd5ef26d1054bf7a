package com.towerco.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the event catalogue ({@code docs/events.md}) from the topic registry, the event types
 * and the JSON Schemas the build derived from the payload records, so the documentation cannot
 * drift from the contract. Each type is shown at its current version.
 */
public final class CatalogDocument {
  private CatalogDocument() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Event catalogue\n\n")
        .append("Generated from the payload records (`events/src/main/java/com/towerco/events/")
        .append("payload`) and the JSON Schemas the build derives from them, by ")
        .append("`bin/towerco catalog`; a test fails when this file is out of date. How to ")
        .append("add or change an event type: `events/README.md`.\n\n")
        .append("Every event is the ADR-001 envelope below; its `payload` follows the schema of ")
        .append("its `event_type` and `version`. Consumers reject (dead-letter) anything else.\n\n");
    md.append("## Topics\n\n| topic | scope | key | carries |\n|---|---|---|---|\n");
    for (TopicFamily family : TopicFamily.values()) {
      Set<String> types = new TreeSet<>();
      for (EventType type : EventTypes.all()) {
        if (type.topic() == family) {
          types.add("`" + type.name() + "`");
        }
      }
      md.append("| `").append(family.template()).append("` | ")
          .append(family.scope().name().toLowerCase())
          .append(family.compacted() ? ", compacted" : "").append(" | ")
          .append(keyOf(family)).append(" | ")
          .append(family == TopicFamily.DEAD_LETTER
              ? "records that could not be processed, with `dlq.*` headers"
              : family == TopicFamily.PLATFORM_HEALTH
                  ? "each process's heartbeat (JSON, every 5 s; tombstone on a clean stop); "
                      + "operator-internal"
                  : String.join(", ", types))
          .append(" |\n");
    }
    md.append("\n`{site_group}` is one of ").append(SiteGroups.COUNT).append(" groups, `")
        .append(SiteGroups.all().get(0)).append("` to `")
        .append(SiteGroups.all().get(SiteGroups.COUNT - 1)).append("`, chosen by a hash of ")
        .append("the site id: the top bits of Kafka's murmur2 of its UTF-8 bytes, ")
        .append("`((murmur2(site_id) & 0x7fffffff) * 16) >>> 31` (ADR-029, `SiteGroups`). ")
        .append("Key every site event by its site id with Kafka's default (murmur2) ")
        .append("partitioner, so a site's events stay in order in one partition. Topics ")
        .append("named after one site (`towerco.sites.{site_id}.events`, before ADR-029) are ")
        .append("still read.\n");
    md.append("\n## Envelope\n\n");
    fields(EventSchemas.envelopeSchema(), "", md);
    md.append("\n## Dead-letter headers\n\n")
        .append("`dlq.reason` (one of ").append(reasons()).append("), `dlq.detail`, ")
        .append("`dlq.service`, `dlq.topic`, `dlq.partition`, `dlq.offset`, `dlq.failed-at`; ")
        .append("the original key, value and headers are kept. `FUTURE_TIMESTAMP` comes from ")
        .append("the ingest gateway (more than `ingest.max-future-skew` ahead) or from a ")
        .append("Streams service admitting a record whose Kafka timestamp or event time is more ")
        .append("than 50 minutes ahead of its clock (ADR-057), or from a consumer service (KPI, ")
        .append("watchdog, analytics, dashboard, incident views) reading an event stamped that ")
        .append("far ahead; such a dead letter is stamped ")
        .append("with the time it was refused.\n");
    Map<String, List<String>> versions = new LinkedHashMap<>();
    Map<String, EventType> current = new LinkedHashMap<>();
    for (EventType type : EventTypes.all()) {
      versions.computeIfAbsent(type.name(), n -> new ArrayList<>()).add(type.version());
      current.put(type.name(), type);
    }
    for (EventType type : current.values()) {
      List<String> earlier = versions.get(type.name());
      earlier.remove(type.version());
      md.append("\n## `").append(type.name()).append("` ").append(type.version()).append("\n\n")
          .append(type.description()).append("\n\n")
          .append("Topic: `").append(type.topic().template()).append("`. Record: `")
          .append(type.payloadClass().getSimpleName()).append("`. Schema: `")
          .append(type.schemaResource()).append("`")
          .append(earlier.isEmpty() ? "" : " (also reads " + String.join(", ", earlier) + ")")
          .append(".\n\n");
      fields(EventSchemas.schemaOf(type), "", md);
    }
    return md.toString();
  }

  private static String keyOf(TopicFamily family) {
    return switch (family) {
      case SITE_EVENTS, INVENTORY, KPI_METRICS -> "site id";
      case ALERT_NOTIFICATIONS -> "alert fingerprint";
      case INCIDENT_LIFECYCLE, INCIDENT_COMMANDS -> "incident id (SLA period for SLA breaches)";
      case OPTIMIZATION_LIFECYCLE, OPTIMIZATION_COMMANDS -> "optimization id";
      case REFUEL_LIFECYCLE, REFUEL_COMMANDS -> "refuel id";
      case NOTIFICATION_DELIVERIES -> "notification id";
      case NOTIFICATION_SETTINGS -> "`{tenant_id}/routing`, `{tenant_id}/silence/{silence_id}`";
      case AIOPS_POLICY -> "`{rule}/{scope}/{scope_value}`";
      case DEAD_LETTER -> "original key";
      case PLATFORM_HEALTH -> "instance id";
    };
  }

  private static String reasons() {
    List<String> names = new ArrayList<>();
    for (RejectReason reason : RejectReason.values()) {
      names.add("`" + reason.name() + "`");
    }
    return String.join(", ", names);
  }

  private static void fields(JsonNode schema, String prefix, StringBuilder md) {
    if (prefix.isEmpty()) {
      md.append("| field | type | required | constraints | description |\n")
          .append("|---|---|---|---|---|\n");
    }
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode node = property.getValue();
      String name = prefix + property.getKey();
      md.append("| `").append(name).append("` | ").append(type(node)).append(" | ")
          .append(required.contains(property.getKey()) ? "yes" : "no").append(" | ")
          .append(constraints(node)).append(" | ")
          .append(node.path("description").asText("").replace("|", "\\|")).append(" |\n");
      if (node.has("properties")) {
        fields(node, name + ".", md);
      } else if (node.path("items").has("properties")) {
        fields(node.path("items"), name + "[].", md);
      }
    }
  }

  private static String type(JsonNode node) {
    if (node.has("enum")) {
      return "enum";
    }
    String type = node.path("type").asText("any");
    if (type.equals("array")) {
      return "array of " + (node.path("items").has("properties") ? "object"
          : node.path("items").path("type").asText("any"));
    }
    return type;
  }

  private static String constraints(JsonNode node) {
    List<String> c = new ArrayList<>();
    if (node.has("enum")) {
      List<String> values = new ArrayList<>();
      node.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      c.add(String.join(", ", values));
    }
    if (node.has("minimum") || node.has("maximum")) {
      c.add("[" + node.path("minimum").asText("-inf") + ", "
          + node.path("maximum").asText("+inf") + "]");
    }
    if (node.has("minLength") || node.has("maxLength")) {
      c.add(node.path("minLength").asText("0") + ".." + node.path("maxLength").asText("")
          + " chars");
    }
    if (node.has("minItems") || node.has("maxItems")) {
      c.add(node.path("minItems").asText("0") + ".." + node.path("maxItems").asText("")
          + " items");
    }
    if (node.has("pattern")) {
      c.add("`" + node.get("pattern").asText().replace("|", "\\|") + "`");
    }
    if (node.has("format")) {
      c.add(node.get("format").asText());
    }
    return String.join("; ", c);
  }
}
