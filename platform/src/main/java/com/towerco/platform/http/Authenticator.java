package com.towerco.platform.http;

import io.javalin.http.Context;

/**
 * Decides who a request comes from. It throws {@link ApiException} (401) for a request that
 * must not proceed.
 */
@FunctionalInterface
public interface Authenticator {
  Caller authenticate(Context ctx);

  /** No authentication configured: every caller is a NOC operator (local demo only). */
  static Authenticator openAccess() {
    return ctx -> Caller.operator("anonymous");
  }
}
