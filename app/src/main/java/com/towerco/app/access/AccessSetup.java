package com.towerco.app.access;

import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.auth.LoginGuard;
import com.towerco.platform.http.auth.PasswordHasher;
import com.towerco.platform.http.auth.SessionGenerations;
import com.towerco.platform.http.auth.SessionTokens;
import com.towerco.platform.http.auth.TokenAuthenticator;
import com.towerco.platform.http.auth.UserAccount;
import com.towerco.platform.http.auth.UserDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may use the HTTP API of a launched process: the users file (created on first start with
 * a NOC user and one user per tenant given, each with a random password that is shown once,
 * when it is made, and kept nowhere but as its hash), the token signing key, and the session
 * generations beside the users file (logouts, shared by every process using that file).
 * Nothing here is a built-in account: every user comes from the file.
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
        LoginGuard.defaults(clock),
        SessionGenerations.in(SessionGenerations.besideUsers(usersFile), clock));
  }

  /**
   * Creates {@code usersFile} if it does not exist: user {@code noc} (operator) and one user
   * per tenant, named after it. Returns the new users' "user password role" lines, to be shown
   * this once; empty if the file existed.
   */
  public static List<String> ensureUsers(Path usersFile, List<String> tenants) {
    if (Files.exists(usersFile)) {
      return List.of();
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
    return lines;
  }

  /** Where an earlier version kept the generated passwords in clear. */
  public static Path legacyCredentialsFile(Path usersFile) {
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
