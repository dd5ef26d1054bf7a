package com.towerco.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.platform.http.auth.UserDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessSetupTest {
  @Test
  void generatesPasswordsOnceKeepsOnlyTheirHashesAndWritesTheUsersFileOwnerOnly(
      @TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.json");
    List<String> shown = AccessSetup.ensureUsers(users, List.of("altel"));
    assertThat(shown).hasSize(2);
    assertThat(shown.get(0)).startsWith("noc ");
    String password = shown.get(0).split(" ")[1];

    assertThat(AccessSetup.ensureUsers(users, List.of("altel"))).as("a second start").isEmpty();
    assertThat(UserDirectory.load(users).verify("noc", password.toCharArray())).isPresent();
    assertThat(Files.readString(users)).doesNotContain(password);
    assertThat(AccessSetup.legacyCredentialsFile(users)).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(users);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users)))
        .isEqualTo("rw-------");
  }
}
