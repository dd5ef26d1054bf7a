package com.towerco.platform.http.auth;

import com.towerco.platform.http.Caller;
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

  public Caller caller() {
    return role == Caller.Role.OPERATOR ? Caller.operator(username)
        : Caller.tenant(username, tenantId.orElseThrow());
  }
}
