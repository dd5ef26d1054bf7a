package com.towerco.analytics.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.towerco.analytics.domain.SlaReport;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SLA report as CSV for finance: one line per tenancy with the month, target, measured
 * availability, minutes outside the DC window, allowance, excess, breach flag and the ids of
 * the incidents that caused the time outside (semicolon-separated).
 */
final class SlaCsv {
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  private static final CsvSchema SCHEMA = MAPPER.schemaFor(Line.class).withHeader();

  private SlaCsv() {}

  @JsonPropertyOrder({"month", "tenantId", "siteId", "region", "targetPct", "availabilityPct",
      "coveragePct", "measuredMinutes", "minutesOutsideDcWindow", "allowedMinutesOutside",
      "excessMinutes", "breached", "incidentIds"})
  record Line(String month, String tenantId, String siteId, String region, Double targetPct,
      Double availabilityPct, double coveragePct, double measuredMinutes,
      double minutesOutsideDcWindow, Double allowedMinutesOutside, double excessMinutes,
      boolean breached, String incidentIds) {}

  static String write(SlaReport report) {
    List<Line> lines = report.lines().stream().map(l -> new Line(report.month(),
        report.tenantId(), l.siteId(), l.region(), l.targetPct(), l.availabilityPct(),
        l.coveragePct(), l.measuredMinutes(), l.minutesOutsideDcWindow(),
        l.allowedMinutesOutside(), l.excessMinutes(), l.breached(),
        l.incidents().stream().map(SlaReport.SlaIncident::incidentId)
            .collect(Collectors.joining(";")))).toList();
    try {
      return MAPPER.writer(SCHEMA).writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
