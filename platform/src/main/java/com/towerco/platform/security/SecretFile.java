package com.towerco.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets to files readable by their owner only from the moment they exist: the file is
 * created with mode 600 (its directory 700) and then moved over the old one, so there is no
 * instant in which another user of the machine could open it. Where the file system has no
 * POSIX modes the files are created as the platform creates any file.
 */
public final class SecretFile {
  private SecretFile() {}

  public static void write(Path file, String content) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      createPrivateDirectory(dir);
      Path temp = Files.createTempFile(dir, ".secret-", ".tmp", ownerOnly("rw-------"));
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write secret file " + file, e);
    }
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.getParent());
    try {
      Files.createDirectory(dir, ownerOnly("rwx------"));
    } catch (FileAlreadyExistsException e) {
      // created meanwhile
    }
  }

  private static FileAttribute<?>[] ownerOnly(String mode) {
    boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
        .contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString(mode))} : new FileAttribute<?>[0];
  }
}
