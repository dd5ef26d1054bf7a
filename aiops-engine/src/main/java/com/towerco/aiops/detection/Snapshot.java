package com.towerco.aiops.detection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The binary form of a detector's state: a header naming the detector and its format version,
 * then its fields in a fixed order. Binary rather than JSON because there is one state per
 * (site, metric) and it is rewritten on every point; doubles are written bit for bit, so a
 * restored detector continues exactly where the original stood.
 */
public final class Snapshot {
  private static final int MAGIC = 0x7D37;

  private Snapshot() {}

  /** Writes one snapshot. */
  public static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public Writer(String detector, int version) {
      try {
        out.writeShort(MAGIC);
        out.writeUTF(detector);
        out.writeByte(version);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Writer putLong(long v) {
      return write(() -> out.writeLong(v));
    }

    public Writer putInt(int v) {
      return write(() -> out.writeInt(v));
    }

    public Writer putDouble(double v) {
      return write(() -> out.writeDouble(v));
    }

    public Writer putBoolean(boolean v) {
      return write(() -> out.writeBoolean(v));
    }

    public Writer putDoubles(double[] values) {
      return write(() -> {
        out.writeInt(values.length);
        for (double v : values) {
          out.writeDouble(v);
        }
      });
    }

    public Writer putInts(int[] values) {
      return write(() -> {
        out.writeInt(values.length);
        for (int v : values) {
          out.writeInt(v);
        }
      });
    }

    public byte[] toBytes() {
      return bytes.toByteArray();
    }

    private Writer write(IoAction action) {
      try {
        action.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }

  /** Reads one snapshot, checking that it belongs to the expected detector and version. */
  public static final class Reader {
    private final DataInputStream in;

    public Reader(byte[] snapshot, String detector, int version) {
      this.in = new DataInputStream(new ByteArrayInputStream(snapshot));
      try {
        if (in.readShort() != (short) MAGIC) {
          throw new IllegalArgumentException("not a detector snapshot");
        }
        String name = in.readUTF();
        int v = in.readByte();
        if (!name.equals(detector) || v != version) {
          throw new IllegalArgumentException("snapshot of " + name + " v" + v + ", expected "
              + detector + " v" + version);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("truncated detector snapshot", e);
      }
    }

    public long getLong() {
      return read(in::readLong);
    }

    public int getInt() {
      return read(in::readInt);
    }

    public double getDouble() {
      return read(in::readDouble);
    }

    public boolean getBoolean() {
      return read(in::readBoolean);
    }

    public double[] getDoubles(int expectedLength) {
      int n = getInt();
      if (n != expectedLength) {
        throw new IllegalArgumentException("snapshot array of " + n + ", expected "
            + expectedLength);
      }
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = getDouble();
      }
      return values;
    }

    public int[] getInts(int expectedLength) {
      int n = getInt();
      if (n != expectedLength) {
        throw new IllegalArgumentException("snapshot array of " + n + ", expected "
            + expectedLength);
      }
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = getInt();
      }
      return values;
    }

    private <T> T read(IoSupplier<T> supplier) {
      try {
        return supplier.get();
      } catch (IOException e) {
        throw new IllegalArgumentException("truncated detector snapshot", e);
      }
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  @FunctionalInterface
  private interface IoSupplier<T> {
    T get() throws IOException;
  }
}
