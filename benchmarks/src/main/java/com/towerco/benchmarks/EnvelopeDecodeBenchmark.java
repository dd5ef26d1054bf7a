package com.towerco.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.Json;
import com.towerco.events.PayloadProjection;
import com.towerco.events.ProjectedEvent;
import com.towerco.events.payload.site.SiteTelemetry;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one site telemetry envelope with the platform codec (envelope, payload record and
 * every check of its contract), against parsing the same bytes into a Jackson tree in the same
 * run: the tree parse is the bare JSON work any reader pays, so the ratio says what the codec's
 * typed, checked decode costs on top and stays comparable across runs on a busy machine.
 * The envelope is a full reading (generator, solar, fuel, three tenancies), about 880 bytes,
 * like the simulator's.
 *
 * <p>The projected reads (ADR-037) read the same bytes keeping only what the KPI calculator
 * (seven fields) and the incident views (four) read; {@code tokenizeOnly} is the floor any JSON
 * reader of these bytes pays: Jackson's tokenizer over every token, nothing parsed or built.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class EnvelopeDecodeBenchmark {
  private final EventCodec codec = new EventCodec();
  private final byte[] telemetry = codec.encode(Envelope.of(
      "5b1f0a52-1c2e-4d4c-9a51-6f0f3c2d7e11", "towerco", "S0001",
      Instant.parse("2026-11-27T05:00:00.123Z"), reading(), Map.of("producer", "simulator")));

  @Benchmark
  public Envelope decodeTelemetry() throws InvalidEventException {
    return codec.decode(telemetry);
  }

  private final PayloadProjection kpi = PayloadProjection.of(SiteTelemetry.class,
      "mains.available", "generator.running", "fuel.levelL", "battery.socPct",
      "tenants[].tenantId", "tenants[].dcVoltageV", "tenants[].loadKw");
  private final PayloadProjection views = PayloadProjection.of(SiteTelemetry.class,
      "battery.currentA", "battery.socPct", "fuel.levelL", "fuel.capacityL");

  @Benchmark
  public ProjectedEvent projectForKpi() {
    return kpi.read(telemetry);
  }

  @Benchmark
  public ProjectedEvent projectForIncidentViews() {
    return views.read(telemetry);
  }

  // As the codec's direct read and the projection configure it: no duplicate detector.
  private final com.fasterxml.jackson.core.JsonFactory tokens = Json.mapper().getFactory().copy()
      .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false);

  @Benchmark
  public int tokenizeOnly() throws IOException {
    int tokens = 0;
    try (JsonParser p = this.tokens.createParser(telemetry)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  @Benchmark
  public JsonNode parseTreeBaseline() throws IOException {
    return Json.mapper().readTree(telemetry);
  }

  static SiteTelemetry reading() {
    return new SiteTelemetry(
        new SiteTelemetry.Mains(true, 231.27),
        new SiteTelemetry.Generator(false, false, 10234.5, 0.0),
        new SiteTelemetry.Rectifier(53.61, 41.87, 4, 4),
        new SiteTelemetry.Battery(53.52, 97.84, 27.43, 1.52),
        new SiteTelemetry.Solar(1.23),
        new SiteTelemetry.Fuel(812.4, 1000.0),
        new SiteTelemetry.Environment(31.04, 28.52),
        new SiteTelemetry.Hvac(SiteTelemetry.HvacState.ON),
        new SiteTelemetry.Door(false),
        List.of(new SiteTelemetry.TenantSupply("altel", 53.47, 1.21),
            new SiteTelemetry.TenantSupply("borealis", 53.46, 0.83),
            new SiteTelemetry.TenantSupply("celtra", 53.48, 0.97)));
  }
}
