package com.towerco.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.Json;
import com.towerco.events.payload.site.SiteTelemetry;
import java.io.IOException;
import java.time.Instant;
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
 * ADR-037's option considered, not the wire format: the same telemetry envelope as JSON (as
 * written today) and as CBOR (what the CloudEvents Kafka binding's {@code content-type} would
 * name), read by the same Jackson machinery: every token (the floor of any reader), and the
 * payload bound into its record by the data binding. The ratios CBOR / JSON say how much a
 * binary encoding would save a reader before any projection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class WireFormatBenchmark {
  // The same binding settings for both formats (those of the payloads that matter here).
  private final ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
  private final ObjectMapper cbor = com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper
      .builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
  private final byte[] jsonEnvelope = new EventCodec().encode(Envelope.of(
      "5b1f0a52-1c2e-4d4c-9a51-6f0f3c2d7e11", "towerco", "S0001",
      Instant.parse("2026-11-27T05:00:00.123Z"), EnvelopeDecodeBenchmark.reading(),
      Map.of("producer", "simulator")));
  private final byte[] cborEnvelope;
  private final byte[] jsonPayload;
  private final byte[] cborPayload;
  private final JsonFactory jsonTokens = json.getFactory().copy()
      .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false);
  private final JsonFactory cborTokens = cbor.getFactory();

  public WireFormatBenchmark() {
    try {
      JsonNode tree = Json.mapper().readTree(jsonEnvelope);
      cborEnvelope = cbor.writeValueAsBytes(tree);
      jsonPayload = json.writeValueAsBytes(tree.get("payload"));
      cborPayload = cbor.writeValueAsBytes(tree.get("payload"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public int tokenizeJson() throws IOException {
    return tokens(jsonTokens, jsonEnvelope);
  }

  @Benchmark
  public int tokenizeCbor() throws IOException {
    return tokens(cborTokens, cborEnvelope);
  }

  @Benchmark
  public SiteTelemetry bindPayloadJson() throws IOException {
    return json.readValue(jsonPayload, SiteTelemetry.class);
  }

  @Benchmark
  public SiteTelemetry bindPayloadCbor() throws IOException {
    return cbor.readValue(cborPayload, SiteTelemetry.class);
  }

  /** Sizes, for the record: {@code java -cp benchmarks.jar ...WireFormatBenchmark}. */
  public static void main(String[] args) {
    WireFormatBenchmark b = new WireFormatBenchmark();
    System.out.println("JSON envelope " + b.jsonEnvelope.length + " bytes, CBOR "
        + b.cborEnvelope.length + " bytes");
  }

  private static int tokens(JsonFactory factory, byte[] bytes) throws IOException {
    int n = 0;
    try (JsonParser p = factory.createParser(bytes)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }
}
