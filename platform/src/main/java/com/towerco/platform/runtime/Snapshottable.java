package com.towerco.platform.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A read model that can be saved at the offsets it has read and restored from them
 * ({@link ViewSnapshots}, ADR-023), so a restart reads only what came after.
 */
public interface Snapshottable {
  /**
   * The layout of what {@link #writeSnapshot} writes, e.g. {@code incidents-view/1}: a snapshot
   * of another format is ignored (and the model rebuilt from the topics), so change it whenever
   * the layout or the meaning of the model changes.
   */
  String snapshotFormat();

  /** Writes the model (called on the feed's thread, between batches). */
  void writeSnapshot(DataOutputStream out) throws IOException;

  /** Reads a model written by {@link #writeSnapshot} of the same format into an empty model. */
  void readSnapshot(DataInputStream in) throws IOException;

  /** Forgets a snapshot that could not be read to its end (the feed then replays everything). */
  void clearSnapshot();
}
