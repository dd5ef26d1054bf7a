package com.towerco.platform.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of a {@link ViewFeed}'s read model in a local file (ADR-023): the model of the
 * topics it {@code covers}, with the offset read in each of their partitions, written
 * atomically (a temporary file moved into place) every {@code interval} once
 * {@code minRecords} covered records were applied since the last one, and on a clean stop.
 * On start the feed restores the model and reads the covered partitions from the saved offsets
 * on; partitions the snapshot does not know, and the sources it does not cover, are read as
 * without a snapshot. A file that is truncated, fails its checksum, or has another format is
 * ignored with a warning, and the model is rebuilt from the topics.
 *
 * <p>Layout: magic, layout version, the model's format, time written, the partitions with their
 * offsets, the model's own bytes, then a CRC-32 of everything before it.
 */
public record ViewSnapshots(Path file, Snapshottable model, Predicate<String> covers,
    Duration interval, long minRecords) {
  private static final Logger LOG = LoggerFactory.getLogger(ViewSnapshots.class);
  private static final int MAGIC = 0x54575353; // "TWSS"
  private static final int LAYOUT = 1;
  private static final int BUFFER = 1 << 16;

  /** What a snapshot restored: the offsets to read on from, and what was read. */
  public record Restored(Map<TopicPartition, Long> offsets, long bytes, Duration took,
      Duration checksum) {}

  /** Writes the model at these offsets; returns the file's size. */
  public long write(Map<TopicPartition, Long> offsets) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + "." + System.nanoTime() + ".tmp");
    CRC32 crc = new CRC32();
    try (OutputStream raw = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
            new CheckedOutputStream(raw, crc), BUFFER))) {
      out.writeInt(MAGIC);
      out.writeInt(LAYOUT);
      out.writeUTF(model.snapshotFormat());
      out.writeLong(System.currentTimeMillis());
      out.writeInt(offsets.size());
      for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
        out.writeUTF(e.getKey().topic());
        out.writeInt(e.getKey().partition());
        out.writeLong(e.getValue());
      }
      model.writeSnapshot(out);
      out.flush();
      // the checksum of everything above, written past the checked stream
      new DataOutputStream(raw).writeLong(crc.getValue());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return Files.size(file);
  }

  /**
   * Restores the model from the file if there is a sound one of the model's format; otherwise
   * leaves the model empty (after {@link Snapshottable#clearSnapshot}) and says why in the log.
   */
  public Optional<Restored> restore() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      long size = Files.size(file);
      boolean sound = size >= 8 && checksumHolds(size);
      Duration checksum = Duration.ofNanos(System.nanoTime() - start);
      if (!sound) {
        LOG.warn("snapshot {} is truncated or damaged (checksum); rebuilding from the topics",
            file);
        return Optional.empty();
      }
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(
          Files.newInputStream(file), BUFFER))) {
        if (in.readInt() != MAGIC || in.readInt() != LAYOUT) {
          LOG.warn("{} is not a snapshot of this version; rebuilding from the topics", file);
          return Optional.empty();
        }
        String format = in.readUTF();
        if (!format.equals(model.snapshotFormat())) {
          LOG.warn("snapshot {} has format {}, this model reads {}; rebuilding from the topics",
              file, format, model.snapshotFormat());
          return Optional.empty();
        }
        in.readLong();
        int partitions = in.readInt();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
          offsets.put(new TopicPartition(in.readUTF(), in.readInt()), in.readLong());
        }
        model.readSnapshot(in);
        in.readLong(); // the checksum, verified above
        if (in.read() != -1) {
          throw new IOException("bytes after the checksum");
        }
        return Optional.of(new Restored(offsets, size,
            Duration.ofNanos(System.nanoTime() - start), checksum));
      }
    } catch (IOException | RuntimeException e) {
      model.clearSnapshot();
      LOG.warn("cannot restore snapshot {} ({}); rebuilding from the topics", file,
          e.toString());
      return Optional.empty();
    }
  }

  private boolean checksumHolds(long size) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[BUFFER];
    long left = size - 8;
    try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException();
        }
        left -= n;
      }
    }
    try (DataInputStream tail = new DataInputStream(Files.newInputStream(file))) {
      tail.skipNBytes(size - 8);
      return tail.readLong() == crc.getValue();
    }
  }
}
