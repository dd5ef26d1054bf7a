package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewSnapshotsTest {
  @TempDir
  Path dir;

  /** A model of strings, in a given format. */
  static class Strings implements Snapshottable {
    final List<String> values = new ArrayList<>();
    final String format;
    boolean cleared;

    Strings(String format, String... values) {
      this.format = format;
      this.values.addAll(List.of(values));
    }

    @Override
    public String snapshotFormat() {
      return format;
    }

    @Override
    public void writeSnapshot(DataOutputStream out) throws IOException {
      out.writeInt(values.size());
      for (String v : values) {
        out.writeUTF(v);
      }
    }

    @Override
    public void readSnapshot(DataInputStream in) throws IOException {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        values.add(in.readUTF());
      }
    }

    @Override
    public void clearSnapshot() {
      values.clear();
      cleared = true;
    }
  }

  private ViewSnapshots snapshots(Snapshottable model) {
    return new ViewSnapshots(dir.resolve("snapshots").resolve("view.snapshot"), model,
        t -> true, Duration.ofMinutes(5), 1);
  }

  private static final Map<TopicPartition, Long> OFFSETS = Map.of(
      new TopicPartition("towerco.incidents.towerco.lifecycle", 0), 41L,
      new TopicPartition("towerco.incidents.towerco.lifecycle", 1), 7L);

  @Test
  void restoresTheModelAndTheOffsetsItWasWrittenAt() throws Exception {
    snapshots(new Strings("f/1", "a", "b", "c")).write(OFFSETS);
    Strings restored = new Strings("f/1");
    ViewSnapshots.Restored r = snapshots(restored).restore().orElseThrow();
    assertThat(restored.values).containsExactly("a", "b", "c");
    assertThat(r.offsets()).isEqualTo(OFFSETS);
    assertThat(Files.list(dir.resolve("snapshots"))).as("no temporary file left")
        .containsExactly(dir.resolve("snapshots").resolve("view.snapshot"));
  }

  @Test
  void noSnapshotIsNothingToRestore() {
    assertThat(snapshots(new Strings("f/1")).restore()).isEmpty();
  }

  @Test
  void anotherFormatIsIgnored() throws Exception {
    snapshots(new Strings("f/1", "a")).write(OFFSETS);
    Strings other = new Strings("f/2");
    assertThat(snapshots(other).restore()).isEmpty();
    assertThat(other.values).isEmpty();
  }

  @Test
  void aDamagedSnapshotIsIgnored() throws Exception {
    ViewSnapshots written = snapshots(new Strings("f/1", "alpha", "beta", "gamma"));
    written.write(OFFSETS);
    try (RandomAccessFile file = new RandomAccessFile(written.file().toFile(), "rw")) {
      file.seek(file.length() - 12);
      int b = file.read();
      file.seek(file.length() - 12);
      file.write(b ^ 0x01);
    }
    Strings model = new Strings("f/1");
    assertThat(snapshots(model).restore()).isEmpty();
    assertThat(model.values).isEmpty();
  }

  @Test
  void aTruncatedSnapshotIsIgnored() throws Exception {
    ViewSnapshots written = snapshots(new Strings("f/1", "alpha", "beta"));
    written.write(OFFSETS);
    try (RandomAccessFile file = new RandomAccessFile(written.file().toFile(), "rw")) {
      file.setLength(file.length() - 5);
    }
    assertThat(snapshots(new Strings("f/1")).restore()).isEmpty();
  }

  @Test
  void aModelThatCannotReadItsSnapshotIsClearedAndRebuilt() throws Exception {
    snapshots(new Strings("f/1", "a", "b")).write(OFFSETS);
    Strings failing = new Strings("f/1") {
      @Override
      public void readSnapshot(DataInputStream in) throws IOException {
        values.add(in.readUTF() + "?");
        throw new IOException("layout changed without a new format");
      }
    };
    assertThat(snapshots(failing).restore()).isEmpty();
    assertThat(failing.cleared).isTrue();
    assertThat(failing.values).isEmpty();
  }
}
