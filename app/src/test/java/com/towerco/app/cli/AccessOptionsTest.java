package com.towerco.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessOptionsTest {
  @Test
  void printsTheGeneratedPasswordsOnTheFirstStartOnly(@TempDir Path dataDir) {
    AccessOptions first = options();
    first.authenticator(dataDir, List.of("altel"));
    List<String> shown = first.loginHelp(dataDir);
    assertThat(shown).anyMatch(line -> line.startsWith("noc "))
        .anyMatch(line -> line.startsWith("altel "));
    String password = shown.get(0).split(" ")[1];

    AccessOptions second = options();
    second.authenticator(dataDir, List.of("altel"));
    assertThat(String.join("\n", second.loginHelp(dataDir))).doesNotContain(password)
        .contains("users.json");
  }

  private static AccessOptions options() {
    AccessOptions options = new AccessOptions();
    options.sessionTtl = Duration.ofHours(1);
    return options;
  }
}
