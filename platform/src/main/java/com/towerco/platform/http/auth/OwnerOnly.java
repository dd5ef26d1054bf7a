package com.towerco.platform.http.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Makes a secret file readable by its owner only, where the file system has POSIX modes. */
final class OwnerOnly {
  private OwnerOnly() {}

  static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more to do here
    }
  }
}
