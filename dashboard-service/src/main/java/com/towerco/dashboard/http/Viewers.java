package com.towerco.dashboard.http;

import com.towerco.dashboard.domain.Viewer;
import com.towerco.platform.http.Caller;
import io.javalin.http.Context;

/** Maps the platform's authenticated caller to the read model's viewer. */
final class Viewers {
  private Viewers() {}

  static Viewer of(Context ctx) {
    Caller caller = Caller.of(ctx);
    return caller.isOperator() ? Viewer.noc() : Viewer.tenant(caller.tenantId().orElseThrow());
  }
}
