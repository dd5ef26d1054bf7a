package com.towerco.platform.http.auth;

import com.towerco.platform.http.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One user of the HTTP API as configured in the users file: a NOC operator (sees every tenant)
 * or a tenant's user (sees only that tenant), with the hash of its password.
 */
public record UserAccount(String username, Caller.Role role, Optional<String> tenantId,
    String passwordHash) {

  public UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tenantId, "tenantId");
    if (role == Caller.Role.TENANT && tenantId.isEmpty()) {
      throw new IllegalArgumentException("user " + username + ": a tenant user needs tenant_id");
    }
    if (role == Caller.Role.OPERATOR && tenantId.isPresent()) {
      throw new IllegalArgumentException("user " + username
          + ": an operator sees every tenant and takes no tenant_id");
    }
  }

  public static UserAccount operator(String username, String passwordHash) {
    return new UserAccount(username, Caller.Role.OPERATOR, Optional.empty(), passwordHash);
  }

  public static UserAccount tenant(String username, String tenantId, String passwordHash) {
    return new UserAccount(username, Caller.Role.TENANT, Optional.of(tenantId), passwordHash);
  }

  /**
   * A short digest of everything a session was granted on (role, tenant, password hash): a
   * token carries it, so changing the password (or the role) in the users file ends the
   * sessions opened before.
   */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((role + "|"
          + tenantId.orElse("") + "|" + passwordHash).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          Arrays.copyOf(digest, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Caller caller() {
    return role == Caller.Role.OPERATOR ? Caller.operator(username)
        : Caller.tenant(username, tenantId.orElseThrow());
  }
}
