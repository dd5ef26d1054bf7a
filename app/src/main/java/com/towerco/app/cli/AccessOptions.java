package com.towerco.app.cli;

import com.towerco.app.access.AccessSetup;
import com.towerco.platform.http.Authenticator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Who may use the HTTP API: the users file, the token key, the session length. */
public final class AccessOptions {
  @Option(names = "--users", paramLabel = "FILE",
      description = "Users of the web UI and API (JSON: username, role operator|tenant, "
          + "tenant_id, password_hash). Default: DATA_DIR/users.json, created on first start "
          + "with generated passwords written to users.json.credentials.")
  Path users;

  @Option(names = "--auth-key", paramLabel = "FILE",
      description = "Key that signs session tokens; share it between instances so each accepts "
          + "the others' tokens. Default: DATA_DIR/auth.key, created if missing.")
  Path authKey;

  @Option(names = "--session-ttl", defaultValue = "PT12H",
      description = "How long a login lasts, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration sessionTtl;

  @Option(names = "--open-access",
      description = "No login at all: every caller is a NOC operator. Local experiments only.")
  boolean openAccess;

  Path usersFile(Path dataDir) {
    return users != null ? users : dataDir.resolve("users.json");
  }

  /** The authenticator; creates the default users file (for these tenants) if it is missing. */
  Authenticator authenticator(Path dataDir, List<String> tenants) {
    if (openAccess) {
      System.err.println("WARNING: --open-access: the web UI and API need no login");
      return Authenticator.openAccess();
    }
    Path file = usersFile(dataDir);
    if (users == null && AccessSetup.ensureUsers(file, tenants)) {
      System.out.println("Created users file " + file.toAbsolutePath());
    }
    return AccessSetup.authenticator(file,
        authKey != null ? authKey : dataDir.resolve("auth.key"), sessionTtl);
  }

  /** Lines to print about how to log in. */
  List<String> loginHelp(Path dataDir) {
    if (openAccess) {
      return List.of("no login (--open-access)");
    }
    List<String> generated = users == null
        ? AccessSetup.generatedCredentials(usersFile(dataDir)) : List.of();
    if (generated.isEmpty()) {
      return List.of("users from " + usersFile(dataDir).toAbsolutePath());
    }
    return generated;
  }
}
