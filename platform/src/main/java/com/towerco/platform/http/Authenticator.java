package com.towerco.platform.http;

import io.javalin.http.Context;

/**
 * Decides who a request comes from. It throws {@link ApiException} (401) for a request that
 * must not proceed. An authenticator that is also {@link HttpRoutes} (a login flow) has its
 * routes mounted on the server; the paths it declares public are served without a caller.
 */
@FunctionalInterface
public interface Authenticator {
  Caller authenticate(Context ctx);

  /** Paths served to anyone besides health and metrics, such as a login page. */
  default boolean isPublic(String method, String path) {
    return false;
  }

  /** No authentication configured: every caller is a NOC operator (local demo only). */
  static Authenticator openAccess() {
    return ctx -> Caller.operator("anonymous");
  }
}
