package com.towerco.platform.http;

import io.javalin.config.RoutesConfig;

/**
 * A service's contribution to the process's HTTP API. The launcher collects every running
 * service's routes into one server, so the dashboard, the analytics queries and the incident
 * commands share a port, authentication and error handling without calling each other.
 */
public interface HttpRoutes {
  void register(RoutesConfig routes);

  /**
   * True for a route that authenticates its callers itself, with credentials other than a
   * user's session (the ingest gateway's API keys): the server does not ask for a user first.
   */
  default boolean authenticatesItself(String method, String path) {
    return false;
  }
}
