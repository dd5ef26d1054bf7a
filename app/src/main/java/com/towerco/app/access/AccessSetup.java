package com.towerco.app.access;

import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.auth.LoginGuard;
import com.towerco.platform.http.auth.PasswordHasher;
import com.towerco.platform.http.auth.SessionTokens;
import com.towerco.platform.http.auth.TokenAuthenticator;
import com.towerco.platform.http.auth.UserAccount;
import com.towerco.platform.http.auth.UserDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may use the HTTP API of a launched process: the users file (created on first start with
 * a NOC user and one user per tenant given, each with a random password written once to a
 * credentials file beside it, readable by the owner only) and the token signing key. Nothing
 * here is a built-in account: every user comes from the file.
 */
public final class AccessSetup {
  public static final String OPERATOR_USER = "noc";
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessSetup() {}

  /** The authenticator for this users file and key file (the key is created if missing). */
  public static Authenticator authenticator(Path usersFile, Path keyFile, Duration ttl) {
    UserDirectory users = UserDirectory.load(usersFile);
    Clock clock = Clock.systemUTC();
    return new TokenAuthenticator(users,
        new SessionTokens(SessionTokens.loadOrCreateKey(keyFile), ttl, clock),
        LoginGuard.defaults(clock));
  }

  /**
   * Creates {@code usersFile} if it does not exist: user {@code noc} (operator) and one user
   * per tenant, named after it. Returns true if it created the file.
   */
  public static boolean ensureUsers(Path usersFile, List<String> tenants) {
    if (Files.exists(usersFile)) {
      return false;
    }
    List<UserAccount> accounts = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    String password = password();
    accounts.add(UserAccount.operator(OPERATOR_USER, PasswordHasher.hash(password.toCharArray())));
    lines.add(OPERATOR_USER + " " + password + " operator (every tenant)");
    for (String tenant : tenants) {
      String p = password();
      accounts.add(UserAccount.tenant(tenant, tenant, PasswordHasher.hash(p.toCharArray())));
      lines.add(tenant + " " + p + " tenant " + tenant);
    }
    UserDirectory.write(usersFile, accounts);
    Path credentials = credentialsFile(usersFile);
    try {
      Files.write(credentials, lines);
      Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    return true;
  }

  /** The generated passwords of a users file this class created: "user password role...". */
  public static List<String> generatedCredentials(Path usersFile) {
    Path file = credentialsFile(usersFile);
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path credentialsFile(Path usersFile) {
    return usersFile.resolveSibling(usersFile.getFileName() + ".credentials");
  }

  private static String password() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 15; i++) {
      if (i > 0 && i % 5 == 0) {
        text.append('-');
      }
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
