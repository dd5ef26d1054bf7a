package com.towerco.incidents.view;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.towerco.events.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed byte blocks and the JSON of states in the read models' snapshots. */
final class SnapshotIo {
  /** States as JSON; derived properties a state exposes are ignored when read back. */
  static final JsonMapper JSON = Json.mapper().rebuild()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final int MAX_BLOCK = 64 << 20;

  private SnapshotIo() {}

  static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_BLOCK) {
      throw new IOException("a block of " + length + " bytes: not a snapshot of this layout");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
