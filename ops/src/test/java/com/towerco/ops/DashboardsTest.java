package com.towerco.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards parse, name datasources that the provisioning file defines, and every
 * PromQL query is valid PromQL (promtool checks it as a recording rule). Which metrics exist is
 * checked against a running process in {@code ExportedMetricsIT}.
 */
class DashboardsTest {
  @Test
  void theThreeDashboardsParseWithUniqueIdsAndPanels() {
    List<JsonNode> dashboards = Dashboards.all();
    assertThat(dashboards).extracting(d -> d.path("uid").asText())
        .containsExactlyInAnyOrder("towerco-overview", "towerco-service",
            "towerco-tenant-delivery");
    for (JsonNode dashboard : dashboards) {
      Set<Integer> ids = new HashSet<>();
      assertThat(dashboard.path("panels").size()).isGreaterThan(4);
      for (JsonNode panel : dashboard.path("panels")) {
        assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
        assertThat(panel.path("title").asText()).isNotBlank();
        assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
        JsonNode pos = panel.path("gridPos");
        assertThat(pos.path("x").asInt() + pos.path("w").asInt()).isLessThanOrEqualTo(24);
      }
    }
  }

  @Test
  void everyDatasourceIsOneTheProvisioningFileDefines() throws Exception {
    JsonNode provisioning = new ObjectMapper(new YAMLFactory()).readTree(
        OpsFiles.GRAFANA.resolve("provisioning/datasources/towerco.yml").toFile());
    Set<String> defined = new HashSet<>();
    provisioning.path("datasources").forEach(d -> defined.add(d.path("uid").asText() + "/"
        + d.path("type").asText()));
    for (JsonNode dashboard : Dashboards.all()) {
      dashboard.findValues("datasource").forEach(ds -> assertThat(defined)
          .as(dashboard.path("title").asText())
          .contains(ds.path("uid").asText() + "/" + ds.path("type").asText()));
    }
  }

  @Test
  void everyPrometheusQueryIsValidPromQl() throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    int n = 0;
    for (Dashboards.Query query : Dashboards.queries()) {
      if (!query.datasourceType().equals(Dashboards.PROMETHEUS)) {
        continue;
      }
      String expr = PromQl.promQlOf(query.text());
      rules.append("      - record: dashboard:query").append(n++).append("\n        expr: '")
          .append(PromQl.withoutGrafanaVariables(expr).replace("'", "''")).append("'\n");
    }
    assertThat(n).isGreaterThan(20);
    Path dir = Files.createTempDirectory("dashboard-queries");
    Files.writeString(dir.resolve("queries.yml"), rules);
    Promtool.Result result = Promtool.run(dir, "check", "rules", "queries.yml");
    assertThat(result.ok()).as(rules + "\n" + result.output()).isTrue();
  }

  @Test
  void metricNamesAreReadFromPromQlLikePrometheusWould() {
    assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le, input) (rate("
        + "towerco_processing_latency_seconds_bucket{service=\"$service\"}[$__rate_interval])))"))
        .containsExactly("towerco_processing_latency_seconds_bucket");
    assertThat(PromQl.metricNames("count(towerco_service_ready == 0) or vector(0)"))
        .containsExactly("towerco_service_ready");
    assertThat(PromQl.metricNames("sum(rate(a_total[10m] offset 1h)) / clamp_min(b, 0.001)"))
        .containsExactly("a_total", "b");
  }
}
