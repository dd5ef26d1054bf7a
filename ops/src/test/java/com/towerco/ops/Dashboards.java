package com.towerco.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Grafana dashboards of the ops module and the queries their panels run. */
final class Dashboards {
  static final String PROMETHEUS = "prometheus";
  static final String POSTGRES = "grafana-postgresql-datasource";

  /** One query: the dashboard and panel it belongs to, its datasource type and its text. */
  record Query(String dashboard, String panel, String datasourceType, String text) {}

  private Dashboards() {}

  static List<JsonNode> all() {
    List<JsonNode> dashboards = new ArrayList<>();
    for (Path file : OpsFiles.list(OpsFiles.DASHBOARDS, ".json")) {
      try {
        dashboards.add(new ObjectMapper().readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + file, e);
      }
    }
    return dashboards;
  }

  /** Every panel target and every query-variable's query. */
  static List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode dashboard : all()) {
      String title = dashboard.path("title").asText();
      for (JsonNode panel : dashboard.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          String type = target.path("datasource").path("type").asText(
              panel.path("datasource").path("type").asText());
          String text = type.equals(PROMETHEUS) ? target.path("expr").asText()
              : target.path("rawSql").asText();
          queries.add(new Query(title, panel.path("title").asText(), type, text));
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        JsonNode query = variable.path("query");
        queries.add(new Query(title, "variable " + variable.path("name").asText(),
            variable.path("datasource").path("type").asText(),
            query.isObject() ? query.path("query").asText() : query.asText()));
      }
    }
    return queries;
  }
}
