package com.towerco.app.cli;

import com.towerco.app.access.AccessSetup;
import com.towerco.platform.http.Authenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Who may use the HTTP API: the users file, the token key, the session length. Secrets come
 * from files (or the environment naming them), never from the command line itself; passwords
 * generated for a new users file are shown once, when it is created.
 */
public final class AccessOptions {
  static final String AUTH_KEY_ENV = "TOWERCO_AUTH_KEY_FILE";

  @Option(names = "--users", paramLabel = "FILE",
      description = "Users of the web UI and API (JSON: username, role operator|tenant, "
          + "tenant_id, password_hash). Default: DATA_DIR/users.json, created on first start "
          + "with generated passwords that are printed that once.")
  Path users;

  @Option(names = "--auth-key", paramLabel = "FILE",
      description = "Key file that signs session tokens; share it between instances so each "
          + "accepts the others' tokens (or name it in $" + AUTH_KEY_ENV + "). Default: "
          + "DATA_DIR/auth.key, created if missing.")
  Path authKey;

  @Option(names = "--session-ttl", defaultValue = "PT12H",
      description = "How long a login lasts, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration sessionTtl;

  @Option(names = "--open-access",
      description = "No login at all: every caller is a NOC operator. Local experiments only.")
  boolean openAccess;

  private final List<String> created = new ArrayList<>();

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
    if (users == null) {
      created.addAll(AccessSetup.ensureUsers(file, tenants));
      if (!created.isEmpty()) {
        System.out.println("Created users file " + file.toAbsolutePath());
      }
    }
    Path legacy = AccessSetup.legacyCredentialsFile(file);
    if (Files.exists(legacy)) {
      System.err.println("WARNING: " + legacy.toAbsolutePath() + " holds passwords in clear "
          + "(written by an earlier version): delete it");
    }
    return AccessSetup.authenticator(file, keyFile(dataDir), sessionTtl);
  }

  private Path keyFile(Path dataDir) {
    if (authKey != null) {
      return authKey;
    }
    String fromEnv = System.getenv(AUTH_KEY_ENV);
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
        : dataDir.resolve("auth.key");
  }

  /**
   * Lines to print about how to log in: the generated passwords if the users file was created
   * by this start (the only time they are shown), else where the users come from.
   */
  List<String> loginHelp(Path dataDir) {
    if (openAccess) {
      return List.of("no login (--open-access)");
    }
    if (!created.isEmpty()) {
      List<String> lines = new ArrayList<>(created);
      lines.add("(shown this once: only their hashes are kept; a new password: "
          + "'towerco hash-password' into " + usersFile(dataDir).getFileName() + ")");
      return lines;
    }
    return List.of("users from " + usersFile(dataDir).toAbsolutePath()
        + " (passwords were shown when it was created; 'towerco hash-password' makes a new one)");
  }
}
