package com.towerco.benchmarks.system;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ADR-052: what a producer batch costs to write and a consumer to read per compression codec,
 * as Kafka's clients build and iterate it, for the bench's real telemetry records, at the batch
 * sizes a paced rate makes (one to a few records per partition and batch) and a drain makes.
 * Run with {@code -prof gc} for the bytes allocated per batch (LZ4's two 64 KB block buffers).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompressionBenchmark {
  @Param({"none", "lz4", "snappy", "zstd"})
  public String codec;
  @Param({"1", "5", "50"})
  public int recordsPerBatch;

  private final byte[][] values = new byte[1_000][];
  private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
  private final BufferSupplier decompression = BufferSupplier.create();
  private Compression compression;
  private MemoryRecords written;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    RecordFactory factory = new RecordFactory(BenchFleet.siteIds("C", 100), "towerco", 7, 8,
        BenchFleet::telemetry);
    Instant time = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < values.length; i++) {
      values[i] = factory.next(i, time.plusSeconds(i / 100)).value();
    }
    compression = Compression.of(codec).build(); // the name as compression.type takes it
    written = MemoryRecords.readableRecords(write().buffer().duplicate());
  }

  /** One producer batch built and closed (compressed), as the producer's accumulator does. */
  @Benchmark
  public MemoryRecords writeBatch() {
    return write();
  }

  /** One batch's records read back (decompressed and iterated), as a consumer's poll does. */
  @Benchmark
  public void readBatch(Blackhole sink) {
    for (MutableRecordBatch batch : written.batches()) {
      try (var records = batch.streamingIterator(decompression)) {
        while (records.hasNext()) {
          sink.consume(records.next().value());
        }
      }
    }
  }

  private MemoryRecords write() {
    buffer.clear();
    MemoryRecordsBuilder builder = MemoryRecords.builder(buffer, RecordBatch.CURRENT_MAGIC_VALUE,
        compression, TimestampType.CREATE_TIME, 0L);
    for (int i = 0; i < recordsPerBatch; i++) {
      builder.append(1_767_225_600_000L + i, null, values[next++ % values.length]);
    }
    return builder.build();
  }
}
