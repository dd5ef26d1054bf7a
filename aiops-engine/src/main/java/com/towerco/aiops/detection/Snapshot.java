package com.towerco.aiops.detection;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary form of a detector's state: a header naming the detector and its format version,
 * then its fields in a fixed order. Binary rather than JSON because there is one state per
 * (site, metric) and it may be rewritten on every point; doubles are written bit for bit, so a
 * restored detector continues exactly where the original stood.
 */
public final class Snapshot {
  private static final short MAGIC = 0x7D37;

  private Snapshot() {}

  /** Writes one snapshot. */
  public static final class Writer {
    private ByteBuffer buffer;

    public Writer(String detector, int version) {
      this(detector, version, 512);
    }

    /**
     * A writer whose buffer starts at {@code capacity} bytes, for a state whose size is about
     * known: it is then not copied into ever larger buffers as it is written (ADR-043).
     */
    public Writer(String detector, int version, int capacity) {
      buffer = ByteBuffer.allocate(Math.max(64, capacity));
      byte[] name = detector.getBytes(StandardCharsets.UTF_8);
      room(2 + 2 + name.length + 1);
      buffer.putShort(MAGIC).putShort((short) name.length).put(name).put((byte) version);
    }

    public Writer putLong(long v) {
      room(8);
      buffer.putLong(v);
      return this;
    }

    public Writer putInt(int v) {
      room(4);
      buffer.putInt(v);
      return this;
    }

    public Writer putDouble(double v) {
      room(8);
      buffer.putDouble(v);
      return this;
    }

    public Writer putBoolean(boolean v) {
      room(1);
      buffer.put((byte) (v ? 1 : 0));
      return this;
    }

    public Writer putDoubles(double[] values) {
      room(4 + 8 * values.length);
      buffer.putInt(values.length);
      buffer.asDoubleBuffer().put(values);
      buffer.position(buffer.position() + 8 * values.length);
      return this;
    }

    public Writer putInts(int[] values) {
      room(4 + 4 * values.length);
      buffer.putInt(values.length);
      buffer.asIntBuffer().put(values);
      buffer.position(buffer.position() + 4 * values.length);
      return this;
    }

    public Writer putBytes(byte[] values) {
      room(4 + values.length);
      buffer.putInt(values.length).put(values);
      return this;
    }

    public byte[] toBytes() {
      return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private void room(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2,
            buffer.position() + bytes));
        bigger.put(buffer.array(), 0, buffer.position());
        buffer = bigger;
      }
    }
  }

  /** Reads one snapshot, checking that it belongs to the expected detector and version. */
  public static final class Reader {
    private final ByteBuffer buffer;
    private final int version;

    public Reader(byte[] snapshot, String detector, int version) {
      this(snapshot, detector, version, version);
    }

    /**
     * Reads a snapshot of {@code detector} written in any format version from {@code oldest} to
     * {@code newest}; {@link #version()} tells which, so the reader can skip what an older
     * format did not hold.
     */
    public Reader(byte[] snapshot, String detector, int oldest, int newest) {
      this.buffer = ByteBuffer.wrap(snapshot);
      try {
        if (buffer.getShort() != MAGIC) {
          throw new IllegalArgumentException("not a detector snapshot");
        }
        byte[] name = new byte[buffer.getShort()];
        buffer.get(name);
        String found = new String(name, StandardCharsets.UTF_8);
        int v = buffer.get();
        if (!found.equals(detector) || v < oldest || v > newest) {
          throw new IllegalArgumentException("snapshot of " + found + " v" + v + ", expected "
              + detector + " v" + (oldest == newest ? oldest : oldest + "-" + newest));
        }
        this.version = v;
      } catch (BufferUnderflowException | NegativeArraySizeException e) {
        throw new IllegalArgumentException("truncated detector snapshot", e);
      }
    }

    /** The format version the snapshot was written in. */
    public int version() {
      return version;
    }

    public long getLong() {
      return read(() -> buffer.getLong());
    }

    public int getInt() {
      return read(() -> buffer.getInt());
    }

    public double getDouble() {
      return read(() -> buffer.getDouble());
    }

    public boolean getBoolean() {
      return read(() -> buffer.get() != 0);
    }

    public double[] getDoubles(int expectedLength) {
      length(expectedLength, 8);
      double[] values = new double[expectedLength];
      buffer.asDoubleBuffer().get(values);
      buffer.position(buffer.position() + 8 * expectedLength);
      return values;
    }

    public int[] getInts(int expectedLength) {
      length(expectedLength, 4);
      int[] values = new int[expectedLength];
      buffer.asIntBuffer().get(values);
      buffer.position(buffer.position() + 4 * expectedLength);
      return values;
    }

    public byte[] getBytes() {
      int n = getInt();
      if (n < 0 || buffer.remaining() < n) {
        throw new IllegalArgumentException("truncated detector snapshot");
      }
      byte[] values = new byte[n];
      buffer.get(values);
      return values;
    }

    private void length(int expected, int width) {
      int n = getInt();
      if (n != expected || buffer.remaining() < n * width) {
        throw new IllegalArgumentException("snapshot array of " + n + ", expected " + expected);
      }
    }

    private <T> T read(java.util.function.Supplier<T> supplier) {
      try {
        return supplier.get();
      } catch (BufferUnderflowException e) {
        throw new IllegalArgumentException("truncated detector snapshot", e);
      }
    }
  }
}
