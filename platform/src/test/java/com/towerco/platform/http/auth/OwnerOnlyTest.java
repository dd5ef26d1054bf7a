package com.towerco.platform.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
  @Test
  void writesSecretFilesReadableByTheOwnerOnlyAndLeavesNoTemporaryFile(@TempDir Path dir)
      throws Exception {
    Path users = dir.resolve("users.json");
    UserDirectory.write(users, List.of(UserAccount.operator("noc",
        PasswordHasher.hash("pw".toCharArray(), 10_000))));
    Path key = dir.resolve("keys/auth.key");
    SessionTokens.loadOrCreateKey(key);
    for (Path secret : List.of(users, key)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .as(secret.toString()).isEqualTo("rw-------");
    }
    OwnerOnly.write(users, "{}\n");
    assertThat(Files.readString(users)).isEqualTo("{}\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "users.json", "keys");
    }
    assertThat(SessionTokens.loadOrCreateKey(key)).hasSize(32);
  }
}
