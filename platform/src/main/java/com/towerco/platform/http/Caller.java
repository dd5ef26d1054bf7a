package com.towerco.platform.http;

import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is calling the HTTP API: the towerco's NOC (sees every tenant) or one tenant's user (sees
 * only its own tenancies). Routes decide what to show through {@link Visibility} over
 * {@link #viewer()}; they never read the role or tenant themselves (an architecture test holds
 * them to it).
 */
public record Caller(String user, Role role, Optional<String> tenantId) {
  public static final String ATTRIBUTE = "towerco.caller";

  /** NOC operators see everything; tenant users see their own tenant. */
  public enum Role { OPERATOR, TENANT }

  public static Caller operator(String user) {
    return new Caller(user, Role.OPERATOR, Optional.empty());
  }

  public static Caller tenant(String user, String tenantId) {
    return new Caller(user, Role.TENANT, Optional.of(tenantId));
  }

  /** The caller of the current request, set by the server's authentication step. */
  public static Caller of(Context ctx) {
    Caller caller = ctx.attribute(ATTRIBUTE);
    if (caller == null) {
      throw new IllegalStateException("no caller on this request");
    }
    return caller;
  }

  public boolean isOperator() {
    return role == Role.OPERATOR;
  }

  /** The caller as the visibility policy knows it. */
  public Viewer viewer() {
    return isOperator() ? Viewer.noc() : Viewer.tenant(tenantId.orElseThrow());
  }
}
