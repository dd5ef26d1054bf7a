package com.towerco.app.http;

/** The Swagger UI WebJar on the class path (the parent POM's {@code swagger-ui.version}). */
final class SwaggerVersion {
  static final String VERSION = "5.34.1";

  private SwaggerVersion() {}
}
